/**
 * The small card shown when a highlighted clause is hovered or focused: title, severity,
 * one-line impact, and for a record that is not Termlight's own, whose it is and how old its
 * data may be. It lives in a closed shadow root with its own reset styles, so page CSS
 * cannot restyle or hide it and page scripts cannot reach into it.
 */
import { SEVERITY_ICON, severityLabel } from '../src/i18n/labels';
import { t } from '../src/i18n/t';
import { SEVERITIES } from '../src/records/taxonomy';
import { dataAgeSentence, sourceLine } from '../src/ui/record-source';
import { REWORDED_COLOUR, SEVERITY_COLOURS, type SchemeColour } from '../src/ui/severity-colours';
import { placeCard, type Box } from './card-placement';
import { clauseBox, clauseRects, type AnchoredClause } from './highlighter';

/** Each severity's stripe and label in one colour scheme. */
const severityRules = (scheme: keyof SchemeColour) =>
  SEVERITIES.map((s) => `.${s} { border-left-color: ${SEVERITY_COLOURS[s][scheme]}; } .${s} .sev { color: ${SEVERITY_COLOURS[s][scheme]}; }`).join('\n');

/** The card's own styles, inside its shadow root; exported for the contrast test. */
export const CARD_STYLE = `
:host { all: initial; }
.card { all: initial; position: fixed; z-index: 2147483647; box-sizing: border-box;
  max-width: min(340px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  padding: 10px 12px; border-radius: 8px; border: 1px solid #cbd5e1; border-left-width: 6px;
  background: #ffffff; color: #0f172a; box-shadow: 0 6px 24px rgba(15,23,42,.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; display: block; }
.card[hidden] { display: none; }
.sev { font-weight: 700; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; margin: 0 0 4px; display: block; }
.title { font-weight: 700; margin: 0 0 4px; display: block; }
.impact { margin: 0 0 8px; display: block; }
.hint { margin: 8px 0 0; display: block; font-size: 11px; color: #475569; }
.source { margin: 0 0 8px; display: block; font-size: 12px; color: #475569; white-space: pre-line; }
.impact[hidden], .source[hidden] { display: none; }
.changed { margin: 0 0 8px; display: block; font-size: 12px; color: ${REWORDED_COLOUR.light}; font-weight: 600; }
.changed[hidden] { display: none; }
button { all: initial; font: 600 13px/1.2 system-ui, sans-serif; color: #1e3a8a; cursor: pointer;
  text-decoration: underline; padding: 2px 0; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
${severityRules('light')}
@media (prefers-color-scheme: dark) {
  .card { background: #0f172a; color: #f1f5f9; border-color: #334155; }
  button { color: #93c5fd; } button:focus-visible { outline-color: #93c5fd; }
  .hint, .source { color: #cbd5e1; } .changed { color: ${REWORDED_COLOUR.dark}; }
${severityRules('dark')}
}`;

export interface Card {
  /** `focus` moves keyboard focus to the card, for keyboard navigation between clauses. */
  show(clause: AnchoredClause, anchor: DOMRect, focus?: boolean): void;
  hide(): void;
  /** True while the pointer or focus is on the card itself, so it stays open. */
  isEngaged(): boolean;
  readonly current: AnchoredClause | null;
}

/**
 * `highlighted` gives every clause highlighted on the page, read only when the card is placed,
 * so that it covers none of them.
 */
export function createCard(onDetails: (clause: AnchoredClause) => void, highlighted: () => readonly AnchoredClause[] = () => []): Card {
  // Made in an inert document, which has no custom element registry: a page that defined
  // <termlight-card> itself (say with disabledFeatures = ['shadow'], or a constructor that
  // throws) cannot make creating it or attaching its shadow root fail. The page's definition
  // meets the host only when it is inserted, and cannot take its shadow root then.
  const host = document.implementation.createHTMLDocument('').createElement('termlight-card');
  // Inline !important outranks any page stylesheet rule that targets the host.
  host.style.cssText = 'all: initial !important; display: block !important;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CARD_STYLE;
  const card = document.createElement('div');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.setAttribute('aria-labelledby', 'title');
  card.hidden = true;
  const sev = document.createElement('p');
  sev.className = 'sev';
  const title = document.createElement('p');
  title.className = 'title';
  title.id = 'title';
  const impact = document.createElement('p');
  impact.className = 'impact';
  const source = document.createElement('p');
  source.className = 'source';
  const changedNote = document.createElement('p');
  changedNote.className = 'changed';
  changedNote.textContent = `≠ ${t('cardReworded')}`;
  const details = document.createElement('button');
  details.type = 'button';
  details.textContent = t('cardOpenRecord');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = t('cardKeys');
  card.append(sev, title, impact, source, changedNote, details, hint);
  root.append(style, card);

  let current: AnchoredClause | null = null;
  let anchorBox: DOMRect | null = null;
  let hovered = false;

  /** Puts the shown card where it covers no highlighted clause (card-placement.ts), in the window. */
  const place = () => {
    if (!current || !anchorBox || card.hidden) return;
    const { width, height } = card.getBoundingClientRect();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const own = clauseRects(current);
    // The pointed line: the clause's line under the pointer, else what was focused.
    const anchor: Box = own.find((r) => contains(r, anchorBox!.left, anchorBox!.top)) ?? anchorBox;
    const others: Box[] = [];
    for (const clause of highlighted()) {
      if (clause === current) continue;
      // One box read per clause; its line boxes only when it reaches into the window.
      const box = clauseBox(clause);
      if (box.bottom < 0 || box.top > viewport.height || box.right < 0 || box.left > viewport.width) continue;
      others.push(...clauseRects(clause));
    }
    const at = placeCard({ card: { width, height }, viewport, clause: own, others, anchor, preferredLeft: anchorBox.left });
    card.style.left = `${at.left}px`;
    card.style.top = `${at.top}px`;
  };
  // The card's height is known only once its text is laid out (and again if a font arrives late).
  new ResizeObserver(place).observe(card);
  card.addEventListener('mouseenter', () => (hovered = true));
  card.addEventListener('mouseleave', () => (hovered = false));
  details.addEventListener('click', () => current && onDetails(current));

  return {
    get current() {
      return current;
    },
    show(clause, anchor, focus = false) {
      if (!host.isConnected) document.documentElement.append(host);
      current = clause;
      const label = severityLabel(clause.severity);
      card.className = `card ${clause.severity}`;
      // The shape is for the eye; screen readers get the words only.
      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = `${SEVERITY_ICON[clause.severity]} `;
      sev.replaceChildren(icon, clause.severity === 'positive' ? label : t('cardSeverity', label));
      title.textContent = clause.title;
      impact.textContent = clause.impact ?? '';
      impact.hidden = !clause.impact;
      // Two lines: whose analysis it is, then how old its data may be.
      source.textContent = clause.source ? `${sourceLine(clause.source)}\n${dataAgeSentence(clause.source)}` : '';
      source.hidden = !clause.source;
      changedNote.hidden = !clause.changed;
      // Measured at the window's left edge, where nothing narrows it, then held at that width.
      card.style.width = '';
      card.style.left = '0px';
      card.style.top = '0px';
      card.hidden = false;
      card.style.width = `${card.getBoundingClientRect().width}px`;
      anchorBox = anchor;
      place();
      if (focus) details.focus();
    },
    hide() {
      current = null;
      anchorBox = null;
      card.hidden = true;
    },
    isEngaged() {
      return hovered || root.activeElement !== null;
    },
  };
}

const contains = (r: Box, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
