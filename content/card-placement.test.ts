/**
 * Where the hover card goes, as pure geometry: it never covers a highlighted clause, its own or
 * another, and stays in the window; only when highlights fill the window does it cover some,
 * as little as it can, and then never the line being pointed at.
 */
import { describe, expect, it } from 'vitest';
import { CLEARANCE, EDGE, placeCard, type Box, type Placement, type PlacementInput } from './card-placement';

const CARD = { width: 340, height: 210 };
const WIDE = { width: 1280, height: 800 };

const rect = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
/** A clause set as lines of text 28 px apart: the first from `startX`, the last ending at `endX`. */
function lines(top: number, count: number, startX: number, endX: number, column = { left: 406, right: 1090 }): Box[] {
  return Array.from({ length: count }, (_, i) =>
    rect(i === 0 ? startX : column.left, top + i * 28, i === count - 1 ? endX : column.right, top + i * 28 + 22),
  );
}

const cardBox = (at: Placement, card = CARD): Box => rect(at.left, at.top, at.left + card.width, at.top + card.height);
const meets = (a: Box, b: Box, by = 0) => a.left < b.right + by && a.right > b.left - by && a.top < b.bottom + by && a.bottom > b.top - by;
/** The highlights the card comes closer to than the clearance. */
const covered = (at: Placement, input: PlacementInput) => [...input.clause, ...input.others].filter((r) => meets(cardBox(at, input.card), r, CLEARANCE));
function expectInWindow(at: Placement, input: PlacementInput): void {
  expect(at.left).toBeGreaterThanOrEqual(EDGE);
  expect(at.top).toBeGreaterThanOrEqual(EDGE);
  expect(at.left + input.card.width).toBeLessThanOrEqual(input.viewport.width - EDGE);
  expect(at.top + input.card.height).toBeLessThanOrEqual(input.viewport.height - EDGE);
}

describe('the card beside its clause', () => {
  // The demo page: a medium clause over five lines, a high clause starting on its last line and
  // running two more, then a heading and a paragraph, then a good-for-you clause at the bottom.
  const medium = lines(306, 5, 406, 915);
  const high = [rect(921, 418, 1090, 440), ...lines(446, 2, 406, 868)];
  const positive = lines(704, 4, 406, 626);

  it('on the demo page, the medium clause’s card covers neither it nor the high clause right after it', () => {
    const input: PlacementInput = { card: CARD, viewport: WIDE, clause: medium, others: [...high, ...positive], anchor: medium[0]!, preferredLeft: 446 };
    const at = placeCard(input);
    expect(covered(at, input)).toEqual([]);
    expectInWindow(at, input);
    // Where the card used to go, just below the clause's box, it hid the high clause.
    expect(covered({ ...at, left: 446, top: 446 }, input)).not.toEqual([]);
  });

  it('every clause of that page gets a card that covers no clause', () => {
    const clauses = [medium, high, positive];
    for (const [i, clause] of clauses.entries()) {
      const input: PlacementInput = { card: CARD, viewport: WIDE, clause, others: clauses.filter((_, j) => j !== i).flat(), anchor: clause[0]! };
      const at = placeCard(input);
      expect(covered(at, input), `clause ${i}`).toEqual([]);
      expectInWindow(at, input);
    }
  });

  it('a clause alone goes just below itself, starting where the pointer is', () => {
    const clause = lines(300, 2, 406, 700);
    const at = placeCard({ card: CARD, viewport: WIDE, clause, others: [], anchor: clause[0]!, preferredLeft: 500 });
    expect(at).toMatchObject({ where: 'below', left: 500, top: clause[1]!.bottom + 8, covered: 0 });
  });

  it('a clause at the bottom of the window: the card goes above it, in the window', () => {
    const clause = lines(700, 3, 406, 800);
    const input: PlacementInput = { card: CARD, viewport: WIDE, clause, others: lines(300, 2, 406, 600), anchor: clause[2]! };
    const at = placeCard(input);
    expect(at.where).toBe('above');
    expect(at.top + CARD.height).toBeLessThanOrEqual(700 - 8);
    expect(covered(at, input)).toEqual([]);
    expectInWindow(at, input);
  });

  it('a pointer near the right edge: the card is pulled into the window', () => {
    const clause = [rect(900, 300, 1270, 322)];
    const at = placeCard({ card: CARD, viewport: WIDE, clause, others: [], anchor: clause[0]!, preferredLeft: 1260 });
    expect(at).toMatchObject({ where: 'below', left: WIDE.width - EDGE - CARD.width });
  });

  it('hemmed in above and below on a wide screen: beside the clause', () => {
    const column = { left: 400, right: 880 };
    const above = lines(200, 4, 400, 880, column);
    const clause = lines(320, 3, 400, 700, column);
    const below = lines(420, 8, 400, 880, column);
    const input: PlacementInput = { card: CARD, viewport: WIDE, clause, others: [...above, ...below], anchor: clause[1]! };
    const at = placeCard(input);
    expect(at.where).toBe('right');
    expect(at.left).toBe(880 + 8);
    expect(at.top).toBe(clause[1]!.top); // level with the pointed line
    expect(covered(at, input)).toEqual([]);
  });

  it('a narrow window, clauses stacked tight around this one: a free band between other clauses, the nearest', () => {
    const viewport = { width: 360, height: 800 };
    const column = { left: 10, right: 350 };
    const clause = lines(300, 2, 10, 300, column);
    const others = [
      ...lines(80, 7, 10, 350, column), // up to 270
      ...lines(360, 2, 10, 350, column), // up to 410
      // free from 410 to 650
      ...lines(650, 5, 10, 350, column),
    ];
    const card = { width: 340, height: 200 };
    const input: PlacementInput = { card, viewport, clause, others, anchor: clause[0]! };
    const at = placeCard(input);
    expect(at.where).toBe('gap');
    expect(at.top).toBeGreaterThanOrEqual(410);
    expect(at.top + card.height).toBeLessThanOrEqual(650);
    expect(covered(at, input)).toEqual([]);
    expectInWindow(at, input);
  });

  it('a narrow window with room below: below, as wide as the window allows', () => {
    const viewport = { width: 360, height: 640 };
    const card = { width: 344, height: 260 };
    const clause = lines(100, 4, 8, 200, { left: 8, right: 352 });
    const input: PlacementInput = { card, viewport, clause, others: [], anchor: clause[0]!, preferredLeft: 120 };
    const at = placeCard(input);
    expect(at).toMatchObject({ where: 'below', left: EDGE });
    expectInWindow(at, input);
  });
});

describe('a window full of highlights', () => {
  const viewport = { width: 800, height: 600 };
  // Highlighted lines from top to bottom, 6 px apart: nowhere is clear of them. Lines 12 to 17
  // are short, leaving the right of the window's middle free of text but too low for the card.
  const all = Array.from({ length: 21 }, (_, i) => rect(8, 8 + i * 28, i >= 12 && i <= 17 ? 300 : 792, 30 + i * 28));
  const pointed = all[5]!;
  const input: PlacementInput = { card: CARD, viewport, clause: [pointed], others: all.filter((r) => r !== pointed), anchor: pointed };
  const area = (at: { left: number; top: number }) =>
    [...input.clause, ...input.others].reduce((sum, r) => {
      const card = cardBox({ ...at, where: 'below', covered: 0 });
      const w = Math.min(card.right, r.right + CLEARANCE) - Math.max(card.left, r.left - CLEARANCE);
      const h = Math.min(card.bottom, r.bottom + CLEARANCE) - Math.max(card.top, r.top - CLEARANCE);
      return sum + (w > 0 && h > 0 ? w * h : 0);
    }, 0);

  it('covers some, less than just below the clause would, never the pointed line, in the window', () => {
    const at = placeCard(input);
    expect(at.covered).toBeGreaterThan(0);
    expect(at.covered).toBe(area(at));
    expect(at.covered).toBeLessThan(area({ left: 8, top: pointed.bottom + 8 }));
    expect(meets(cardBox(at), pointed, CLEARANCE)).toBe(false);
    expectInWindow(at, input);
    // Where the short lines leave the most room: the right of the window, over them.
    expect(at.left).toBeGreaterThan(300);
  });

  it('a card taller than the window keeps its top-left in the window', () => {
    const at = placeCard({ ...input, card: { width: 340, height: 900 } });
    expect(at.top).toBe(EDGE);
    expect(at.left).toBeGreaterThanOrEqual(EDGE);
  });
});
