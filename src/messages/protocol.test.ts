import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { MatchMethod } from '../anchoring';
import type { PackMeta as StoredPackMeta } from '../store/db';
import type { SearchHit as StoreSearchHit } from '../store/search';
import type { ContentCommand, ContentCommandType, PackMeta, ReplyData, Request, RequestType, SearchHit } from './protocol';
import type { contentCommandSchemas, replySchemas, requestSchemas } from './schemas';

/** True only when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
/** The request types whose TypeScript type is not exactly what their validator accepts. */
type RequestDrift = { [T in RequestType]: Same<Request<T>, z.infer<(typeof requestSchemas)[T]>> extends true ? never : T }[RequestType];
type ReplyDrift = { [T in RequestType]: Same<ReplyData<T>, z.infer<(typeof replySchemas)[T]>> extends true ? never : T }[RequestType];
type CommandDrift = {
  [T in ContentCommandType]: Same<ContentCommand<T>, z.infer<(typeof contentCommandSchemas)[T]>> extends true ? never : T;
}[ContentCommandType];

describe('the message types and their validators', () => {
  it('cannot drift apart: every request, reply and command type is its schema\'s (checked by tsc)', () => {
    expectTypeOf<RequestDrift>().toBeNever();
    expectTypeOf<ReplyDrift>().toBeNever();
    expectTypeOf<CommandDrift>().toBeNever();
    expectTypeOf<Request<'page/anchored'>['found'][number]['method']>().toEqualTypeOf<MatchMethod>();

    const url = 'https://a.example/terms';
    const timing = { extractMs: 1, anchorMs: 1, paintMs: 1, longestSliceMs: 1, textLength: 1 };
    const anchored: Request<'page/anchored'> = {
      type: 'page/anchored',
      url,
      found: [],
      notFound: [],
      // @ts-expect-error: the validator refuses a field it does not know, so the type has none
      timing: { ...timing, fingerprintMs: 3 },
    };
    // @ts-expect-error: a field the validator requires is required by the type
    const failed: Request<'page/failed'> = { type: 'page/failed', url };
    expect([anchored.type, failed.type]).toEqual(['page/anchored', 'page/failed']);
  });

  it('is met by what the store produces where it crosses the wire (checked by tsc)', () => {
    expectTypeOf<StoredPackMeta>().toExtend<PackMeta>();
    expectTypeOf<PackMeta>().toExtend<StoredPackMeta>();
    expectTypeOf<StoreSearchHit>().toExtend<SearchHit>();
  });

  it('leaves protocol.ts free of run-time imports, so the content script carries no zod', () => {
    const file = path.join(__dirname, 'protocol.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = source.statements.filter(ts.isImportDeclaration);
    expect(imports.length).toBeGreaterThan(0);
    for (const declaration of imports) {
      const from = (declaration.moduleSpecifier as ts.StringLiteral).text;
      expect(declaration.importClause?.isTypeOnly, `import from ${from}`).toBe(true);
      expect(from, 'the wire contract is its own, not the store\'s rows').not.toMatch(/store/);
    }
  });
});
