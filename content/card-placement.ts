/**
 * Where the hover card goes: pure geometry, no DOM, so it is unit-tested on its own. The card
 * must leave every highlighted clause readable, its own and the others around it, and stay in
 * the window. Candidates are tried nearest first and the first that covers no highlight wins:
 * below the clause, above it, beside it (wide screens), in a free band of the window between
 * highlights, then a corner of the window.
 */

/** A box in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  /** The card's measured size, once its content is filled in. */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** The hovered or focused clause's rects (one per line fragment). */
  clause: readonly Box[];
  /** The rects of every other highlighted clause in or near the window. */
  others: readonly Box[];
  /**
   * What the reader is pointing at: the line under the pointer, or the focused link. The card
   * starts at its left edge, and never covers it, even when every place covers some highlight.
   */
  anchor: Box;
  /** Where the card's left edge would best be (the pointer's x); the anchor's left by default. */
  preferredLeft?: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Which candidate won (for tests and debugging). */
  where: 'below' | 'above' | 'right' | 'left' | 'gap' | 'corner';
  /** Highlighted area the card covers: 0 unless highlights fill the window. */
  covered: number;
}

/** Space kept between the card and the window's edges. */
export const EDGE = 8;
/** Space between the card and the clause it belongs to. */
export const GAP = 8;
/** A highlight counts as covered when the card comes closer to it than this. */
export const CLEARANCE = 4;
/** How many free bands between highlights are tried, nearest the clause first. */
const MAX_GAPS = 6;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));

/** The smallest box around `rects` (the clause's box). */
export function boundingBox(rects: readonly Box[]): Box {
  return {
    left: Math.min(...rects.map((r) => r.left)),
    top: Math.min(...rects.map((r) => r.top)),
    right: Math.max(...rects.map((r) => r.right)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
  };
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const grow = (r: Box, by: number): Box => ({ left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by });

/**
 * The vertical bands of the window, between `top` and `bottom`, that no highlight overlapping
 * the columns [left, right) reaches into (highlights already grown by the clearance).
 */
function freeBands(highlights: readonly Box[], left: number, right: number, top: number, bottom: number): { top: number; bottom: number }[] {
  const blocked = highlights
    .filter((r) => r.left < right && r.right > left && r.bottom > top && r.top < bottom)
    .map((r) => ({ top: r.top, bottom: r.bottom }))
    .sort((a, b) => a.top - b.top);
  const bands: { top: number; bottom: number }[] = [];
  let cursor = top;
  for (const b of blocked) {
    if (b.top > cursor) bands.push({ top: cursor, bottom: b.top });
    cursor = Math.max(cursor, b.bottom);
  }
  if (cursor < bottom) bands.push({ top: cursor, bottom });
  return bands;
}

/** Where the card goes; see the module comment for the order of preference. */
export function placeCard(input: PlacementInput): Placement {
  const { card, viewport, anchor } = input;
  const clauseRects = input.clause.length ? input.clause : [anchor];
  const box = boundingBox(clauseRects);
  const w = card.width;
  const h = card.height;
  const maxLeft = viewport.width - EDGE - w;
  const maxTop = viewport.height - EDGE - h;
  const inside = (left: number, top: number) => ({ left: clamp(left, EDGE, maxLeft), top: clamp(top, EDGE, maxTop) });
  const startLeft = input.preferredLeft ?? anchor.left;
  const besideTop = anchor.top;

  const candidates: { left: number; top: number; where: Placement['where'] }[] = [];
  const add = (where: Placement['where'], left: number, top: number) => candidates.push({ ...inside(left, top), where });
  add('below', startLeft, box.bottom + GAP);
  add('above', startLeft, box.top - GAP - h);
  // Beside the clause only where the window is wide enough for it to fit whole.
  if (box.right + GAP + w <= viewport.width - EDGE) add('right', box.right + GAP, besideTop);
  if (box.left - GAP - w >= EDGE) add('left', box.left - GAP - w, besideTop);

  const highlights = [...clauseRects, ...input.others].map((r) => grow(r, CLEARANCE));
  // Free bands of the window, tall enough for the card, in its columns at the pointer, then
  // against either side of the window; nearest the clause first.
  const columns = [...new Set([inside(startLeft, 0).left, EDGE, Math.max(EDGE, maxLeft)])];
  const bands = columns
    .flatMap((left) =>
      freeBands(highlights, left, left + w, EDGE, viewport.height - EDGE)
        .filter((band) => band.bottom - band.top >= h)
        .map((band) => {
          // The end of the band nearest the clause.
          const top = band.top >= box.bottom ? band.top : band.bottom <= box.top ? band.bottom - h : clamp(box.bottom + GAP, band.top, band.bottom - h);
          return { left, top, distance: Math.abs(top + h / 2 - (box.top + box.bottom) / 2) };
        }),
    )
    .sort((a, b) => a.distance - b.distance) // stable: the pointer's column first among equals
    .slice(0, MAX_GAPS);
  for (const band of bands) add('gap', band.left, band.top);
  for (const [left, top] of [
    [maxLeft, maxTop],
    [EDGE, maxTop],
    [maxLeft, EDGE],
    [EDGE, EDGE],
  ] as const)
    add('corner', left, top);

  const pointed = grow(anchor, CLEARANCE);
  let best: Placement | null = null;
  let bestCoversAnchor = true;
  for (const c of candidates) {
    const rect = { left: c.left, top: c.top, right: c.left + w, bottom: c.top + h };
    const covered = highlights.reduce((sum, r) => sum + intersection(rect, r), 0);
    if (covered === 0) return { ...c, covered };
    // Only when highlights fill the window: the least covered place, never over the pointed line.
    const coversAnchor = intersection(rect, pointed) > 0;
    if (!best || (bestCoversAnchor && !coversAnchor) || (bestCoversAnchor === coversAnchor && covered < best.covered)) {
      best = { ...c, covered };
      bestCoversAnchor = coversAnchor;
    }
  }
  return best!;
}
