// @vitest-environment happy-dom
/**
 * The hover card of an imported record, from the export to the card: a ToS;DR point whose quote
 * holds HTML is converted, anchored on a page that shows its text, and shown: the card names
 * the source with its credit and licence and the age of the data, and shows no markup.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRecord } from '../src/messages/protocol';
import { recordSource } from '../src/background/record-source';
import { convertTosdrService } from '../src/records/tosdr';
import { anchorPage } from './anchor-page';
import { createCard } from './card';
import { createSlicer } from './slicer';

/** The card's closed shadow roots, caught as they are attached (page scripts cannot do this). */
function catchShadowRoots(): { at(i: number): ShadowRoot | undefined } {
  const spy = vi.spyOn(Element.prototype, 'attachShadow');
  return { at: (i) => spy.mock.results.at(i)?.value as ShadowRoot | undefined };
}

const QUOTE_HTML = '<p>We may <strong>share</strong> your data&nbsp;with partners.</p>\n<p>They may keep it.</p';
const exportJson = {
  links: { Privacy: { name: 'Privacy Policy', url: 'https://svc.example/privacy' } },
  urls: ['svc.example'],
  pointsData: {
    '1': {
      id: '1',
      title: 'Your data is <b>shared</b> with partners',
      quoteDoc: 'Privacy',
      quoteText: QUOTE_HTML,
      tosdr: { case: 'Your data is shared with partners', point: 'bad', score: 60 },
    },
  },
};

/** The page record as the background sends it for the converted point (handlers.ts, page/lookup). */
function pageRecordFromExport(): PageRecord {
  const converted = convertTosdrService(exportJson, 'svc.json', '2026-11-21');
  if (!converted.ok) throw new Error(converted.errors.join('; '));
  const { pack } = converted;
  const record = pack.records[0]!;
  const source = recordSource(pack);
  return { key: record.id, title: record.title, severity: record.severity, impact: record.impact, quote: record.quote, ...(source ? { source } : {}) };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelector('termlight-card')?.remove();
});

describe('the card of an imported record', () => {
  it('anchors the converted quote, and shows its source, its data age and no markup', async () => {
    document.body.innerHTML = '<main><p>We may <strong>share</strong> your data with partners.</p><p>They may keep it.</p></main>';
    const roots = catchShadowRoots();
    const record = pageRecordFromExport();
    const { clauses } = await anchorPage(document.body, [record], createSlicer());
    expect(clauses).toHaveLength(1); // the plain quote still stands on the page

    const card = createCard(() => {});
    card.show(clauses[0]!, new DOMRect(10, 10, 100, 20));
    const root = roots.at(-1)!;
    const text = root.querySelector('.card')!.textContent;
    const visible = [...root.querySelectorAll('.card > *')].filter((el) => !(el as HTMLElement).hidden).map((el) => el.textContent);

    expect(visible).toContain(
      "ToS;DR point — Terms of Service; Didn't Read (tosdr.org) contributors, CC BY-SA 3.0\nToS;DR data of unknown date: it may be out of date",
    );
    expect(visible).toContain('Your data is shared with partners');
    expect(text).not.toMatch(/<\/?[a-z]+|&nbsp/i);
    // The case only repeats the title: no impact line says it twice.
    expect(visible.filter((line) => line === 'Your data is shared with partners')).toHaveLength(1);
  });

  it("Termlight's own record: no source line", async () => {
    document.body.innerHTML = '<p>We keep your data for ten years.</p>';
    const roots = catchShadowRoots();
    const own: PageRecord = { key: 'k', title: 'Ten years', severity: 'medium', impact: 'Kept long.', quote: { exact: 'We keep your data for ten years.' } };
    const { clauses } = await anchorPage(document.body, [own], createSlicer());
    createCard(() => {}).show(clauses[0]!, new DOMRect(0, 0, 10, 10));
    const root = roots.at(-1)!;
    expect((root.querySelector('.source') as HTMLElement).hidden).toBe(true);
    expect((root.querySelector('.impact') as HTMLElement).hidden).toBe(false);
    expect(root.querySelector('.impact')!.textContent).toBe('Kept long.');
  });
});
