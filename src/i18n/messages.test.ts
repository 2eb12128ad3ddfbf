/**
 * The English messages.json and the code that uses it stay in step: every key the code names
 * exists, every message is used, placeholders are well formed and get as many substitutions
 * as they expect, and no English is left written into the pages' markup.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../records/taxonomy';
import { CATEGORY_KEY, SEVERITY_KEY } from './labels';
import { formatMessage } from '../../test/helpers/node-i18n';
import { plural, t, tParts } from './t';

const ROOT = path.resolve(__dirname, '../..');
interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const messages = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, Entry>;
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
  action: { default_title: string };
};

/** The extension's own source: what is bundled into it, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}
const files = ['src', 'content', 'popup'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const sources = files.map((file) => ({
  file: path.relative(ROOT, file),
  ast: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
}));

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The keys a key argument can be: a literal, or either side of `cond ? 'a' : 'b'`. */
function literalKeys(node: ts.Expression | undefined): string[] | null {
  if (!node) return null;
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literalKeys(node.expression);
  if (ts.isConditionalExpression(node)) {
    const [a, b] = [literalKeys(node.whenTrue), literalKeys(node.whenFalse)];
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

interface Call {
  where: string;
  keys: string[];
  /** Substitutions passed, or null when a spread hides how many. */
  substitutions: number | null;
}
const calls: Call[] = [];
const literals = new Set<string>();
for (const { file, ast } of sources) {
  walk(ast, (node) => {
    if (ts.isStringLiteralLike(node)) literals.add(node.text);
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
    const name = node.expression.text;
    if (name !== 't' && name !== 'tParts' && name !== 'plural') return;
    const args = [...node.arguments];
    const where = `${file}:${ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const spread = args.some(ts.isSpreadElement);
    if (name === 'plural') {
      const keys = [literalKeys(args[1]), literalKeys(args[2])];
      if (keys[0] && keys[1]) calls.push({ where, keys: [...keys[0], ...keys[1]], substitutions: spread ? null : Math.max(1, args.length - 3) });
    } else {
      const keys = literalKeys(args[0]);
      if (keys) calls.push({ where, keys, substitutions: spread ? null : args.length - 1 });
    }
  });
}

const placeholderNames = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());

describe('messages.json', () => {
  it('has a message and a description for every key, with names the browsers accept', () => {
    const seen = new Set<string>();
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(seen.has(key.toLowerCase()), `${key} differs from another key only in case`).toBe(false);
      seen.add(key.toLowerCase());
      expect(typeof entry.message === 'string' && entry.message.length > 0, key).toBe(true);
      expect(entry.description?.length, `${key} needs a description for translators`).toBeGreaterThan(0);
    }
  });

  it('defines exactly the placeholders each message uses, as $1, $2, … in order', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = placeholderNames(entry.message);
      const defined = Object.keys(entry.placeholders ?? {});
      expect(defined.every((name) => name === name.toLowerCase()), `${key}: placeholder names are lower case`).toBe(true);
      expect([...new Set(used)].sort(), `${key}: placeholders used vs defined`).toEqual([...defined].sort());
      expect(
        defined.map((name) => entry.placeholders![name]!.content),
        `${key}: contents`,
      ).toEqual(defined.map((_, i) => `$${i + 1}`));
      for (const name of defined) expect(entry.placeholders![name]!.example, `${key}.${name} needs an example`).toBeTruthy();
      // Any other $ would be read as a substitution or an escape by the browser.
      expect(entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, ''), `${key}: stray $`).not.toContain('$');
    }
  });

  it('has every key the code names, and the code names every key', () => {
    const named = new Set(calls.flatMap((c) => c.keys));
    for (const key of named) expect(messages, `unknown message key "${key}"`).toHaveProperty([key]);
    const manifestKeys = [...JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    for (const key of manifestKeys) expect(messages, `manifest.json names unknown key "${key}"`).toHaveProperty([key]);
    const unused = Object.keys(messages).filter((key) => !literals.has(key) && !manifestKeys.includes(key));
    expect(unused, 'messages no code uses').toEqual([]);
  });

  it('gets as many substitutions at each call as the message has placeholders', () => {
    expect(calls.length).toBeGreaterThan(100);
    for (const call of calls) {
      if (call.substitutions === null) continue;
      for (const key of call.keys) {
        const expected = new Set(placeholderNames(messages[key]!.message)).size;
        expect(call.substitutions, `${call.where}: ${key}`).toBe(expected);
      }
    }
  });

  it('names the extension and says it works offline, through the manifest', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extensionName__');
    expect(manifest.description).toBe('__MSG_extensionDescription__');
    expect(manifest.action.default_title).toBe('__MSG_extensionName__');
    expect(messages.extensionName!.message).toBe('Termlight');
    expect(messages.extensionDescription!.message).toMatch(/offline/i);
    // Chrome's limits.
    expect(messages.extensionName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extensionDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('words the vocabularies as taxonomy.ts does', () => {
    for (const [category, label] of Object.entries(CATEGORIES)) {
      expect(messages[CATEGORY_KEY[category as keyof typeof CATEGORIES]]!.message).toBe(label);
    }
    expect(SEVERITIES.map((s) => messages[SEVERITY_KEY[s]]!.message)).toEqual(['Critical', 'High', 'Medium', 'Low', 'Good for you']);
  });
});

describe('no English left in the markup', () => {
  const TEXT_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'aria-description']);
  it('JSX text and text attributes in popup/ come from messages.json', () => {
    const found: string[] = [];
    for (const { file, ast } of sources.filter((s) => s.file.endsWith('.tsx'))) {
      walk(ast, (node) => {
        const where = () => `${file}:${ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) {
          // Code samples (header names, file paths) are not translated.
          const parent = node.parent;
          const tag = ts.isJsxElement(parent) ? parent.openingElement.tagName.getText() : '';
          if (tag !== 'code') found.push(`${where()}: ${node.text.trim()}`);
        }
        if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
          const value = node.initializer;
          if (ts.isStringLiteral(value) && /\p{L}/u.test(value.text)) found.push(`${where()}: ${value.text}`);
        }
      });
    }
    expect(found).toEqual([]);
  });
});

describe('t outside the browser (Node)', () => {
  it('reads English from messages.json, with substitutions', () => {
    expect(t('extensionName')).toBe('Termlight');
    expect(t('popupClausesFoundMany', 4)).toBe('4 clauses found on this page');
    expect(t('dateCheckedBy', 'Termlight', 'Nov 21, 2026')).toBe('Checked by Termlight on Nov 21, 2026');
  });

  it('picks one or many with plural', () => {
    expect(plural(1, 'popupClausesFoundOne', 'popupClausesFoundMany')).toBe('1 clause found on this page');
    expect(plural(0, 'popupClausesFoundOne', 'popupClausesFoundMany')).toBe('0 clauses found on this page');
    expect(plural(1, 'nFilesOne', 'nFilesMany', '1')).toBe('1 file');
    expect(plural(1234, 'nFilesOne', 'nFilesMany', (1234).toLocaleString('en'))).toBe('1,234 files');
  });

  it('keeps markup in place with tParts, wherever the message puts it', () => {
    const code = { tag: 'code' };
    expect(tParts('feedIntro', code)).toEqual([
      'Termlight can keep its records up to date from a pack published at an HTTPS address (checked every 6 hours and when you ask). The request carries nothing about the pages you read. The server must allow cross-origin requests (',
      code,
      ').',
    ]);
    expect(tParts('recordDiffRemoved', code)).toEqual(['[removed: ', code, ']']);
    expect(tParts('pairWithColon', code, 'title')).toEqual([code, ': title']);
  });

  it('writes substitutions as they are, $ included, as the browsers do', () => {
    expect(t('importFileNotJson', 'a$1$$b.json', 'x $2')).toBe('a$1$$b.json: not valid JSON (x $2)');
    const entry = { message: 'Cost: $$5, $WHO$', placeholders: { who: { content: '$1' } } };
    expect(formatMessage(entry, ['me'])).toBe('Cost: $5, me');
    expect(formatMessage(undefined, [])).toBe('');
  });
});
