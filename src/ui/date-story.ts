/**
 * One date story per document, the same sentences wherever a document's dates are shown (the
 * popup's document header, the full record page):
 * - when its publisher last updated it ("Updated by Spotify on Aug 26, 2025"),
 * - when its records were checked against the text ("Checked by Termlight on Nov 21, 2026"),
 *   or, for imported data Termlight did not check, its source's own date sentence
 *   (record-source.ts),
 * - whether the open page is that checked version,
 * - its versions as Open Terms Archive first recorded them, the checked one found by its
 *   fingerprint (never by its wording), the earlier ones with how many words changed since.
 * Dates come as { iso, text } so a page can put them in <time datetime>. Types only from the
 * wire, so any page (and the content script) can use it.
 */
import { formatDate } from '../i18n/date';
import { plural, t, tParts } from '../i18n/t';
import type { TabView } from '../messages/protocol';
import { dataAgeSentence } from './record-source';

/** A date as stored (YYYY-MM-DD) and as people read it. */
export interface StoryDate {
  iso: string;
  text: string;
}

/** A sentence with its dates in place, for markup; `storyText` makes it plain text. */
export type Sentence = (string | StoryDate)[];

type DocumentFacts = Pick<
  TabView['documents'][number],
  'platformName' | 'lastUpdated' | 'lastVerified' | 'sha256' | 'dataSource' | 'history'
>;

/** What the open page's comparison found for this document's clauses. */
export interface PageCounts {
  same: number;
  reworded: number;
  missing: number;
}

/**
 * How the open page's clauses of one document compare with the checked version: read the same,
 * reworded (found by the fuzzy step), not found. The popup counts its tab view; the record page's
 * request counts the tab's state.
 */
export function pageCounts(
  documentKey: string,
  found: readonly { documentKey: string; method?: string | undefined }[],
  notFound: readonly { documentKey: string }[],
): PageCounts {
  const here = found.filter((r) => r.documentKey === documentKey);
  const same = here.filter((r) => r.method !== 'fuzzy').length;
  return { same, reworded: here.length - same, missing: notFound.filter((r) => r.documentKey === documentKey).length };
}

/** Whether the open page reads as the checked version: `null` when no page is being compared. */
export type MatchState = TabView['documents'][number]['verification']['state'];

export interface Version {
  date: StoryDate;
  /** This is the version the records were checked against (same fingerprint). */
  checked: boolean;
  sentence: Sentence;
}

export interface DateStory {
  /** "Updated by Spotify on …"; absent when the publisher's date is not known. */
  updated?: Sentence;
  /** "Checked by Termlight on …" (an imported source's name for its own check). */
  checked?: Sentence;
  /** An imported source's own date sentence, when it says something the check does not. */
  sourceAge?: string;
  /** Whether the open page is the checked version; absent without a page (or nothing to say). */
  match?: { state: MatchState; text: string };
  /** Newest first. */
  versions: Version[];
}

const date = (iso: string): StoryDate => ({ iso, text: formatDate(iso) });

/** Numbers as the UI language writes them (2,278). */
const number = (n: number): string => n.toLocaleString(t('htmlLang'));

/**
 * The word counts an earlier version's summary holds, as the maintainer CLI writes them
 * (scripts/records/fingerprint.ts: "… Since then: 2278 words added, 1253 removed."); null for
 * any other summary, which is then shown as written.
 */
export function wordChanges(summary: string): { added: number; removed: number } | null {
  const m = /(\d[\d,]*) words? added, (\d[\d,]*) removed/.exec(summary);
  return m ? { added: Number(m[1]!.replace(/,/g, '')), removed: Number(m[2]!.replace(/,/g, '')) } : null;
}

/** Who checked the records: Termlight, or the imported source that dated its own check. */
const checker = (doc: DocumentFacts): string => doc.dataSource?.name ?? t('extensionName');

function matchSentence(doc: DocumentFacts, state: MatchState, counts: PageCounts): DateStory['match'] {
  switch (state) {
    case 'same':
      return { state, text: t('dateMatchSame', checker(doc)) };
    case 'changed':
      return {
        state,
        text: t(
          'dateMatchChanged',
          checker(doc),
          t(
            'verifySummary',
            plural(counts.same, 'verifySameCountOne', 'verifySameCountMany', number(counts.same)),
            counts.reworded ? plural(counts.reworded, 'verifyRewordedOne', 'verifyRewordedMany', number(counts.reworded)) : t('verifyRewordedNone'),
            plural(counts.missing, 'verifyMissingOne', 'verifyMissingMany', number(counts.missing)),
          ),
        ),
      };
    case 'pending':
      return { state, text: t('dateMatchPending', checker(doc)) };
    default:
      // Imported data with no check of its own: its age sentence already says it may be out of date.
      return doc.lastVerified ? { state, text: t('dateMatchUnknown', checker(doc)) } : undefined;
  }
}

function versionSentence(doc: DocumentFacts, entry: DocumentFacts['history'][number], checked: boolean): Sentence {
  const when = date(entry.date);
  if (checked) {
    return doc.lastVerified
      ? tParts('dateVersionCheckedOn', when, checker(doc), date(doc.lastVerified))
      : tParts('dateVersionChecked', when, checker(doc));
  }
  const words = wordChanges(entry.summary);
  if (words) {
    return tParts(words.added === 1 ? 'dateVersionEarlierOne' : 'dateVersionEarlierMany', when, number(words.added), number(words.removed));
  }
  return tParts('dateVersionOther', when, entry.summary);
}

/**
 * The document's date story. `page`: the open page's comparison with the checked version and
 * what it found for this document's clauses; leave it out where no page is compared.
 */
export function dateStory(doc: DocumentFacts, page?: { state: MatchState; counts: PageCounts }): DateStory {
  const story: DateStory = { versions: [] };
  if (doc.lastUpdated) story.updated = tParts('dateUpdatedBy', doc.platformName, date(doc.lastUpdated));
  if (doc.lastVerified) story.checked = tParts('dateCheckedBy', checker(doc), date(doc.lastVerified));
  const source = doc.dataSource;
  if (source && (!doc.lastVerified || source.dataDate !== doc.lastVerified)) {
    story.sourceAge = dataAgeSentence(source);
  }
  const match = page && matchSentence(doc, page.state, page.counts);
  if (match) story.match = match;
  story.versions = doc.history
    .map((entry) => {
      const checked = Boolean(doc.sha256 && entry.sha256 === doc.sha256);
      return { date: date(entry.date), checked, sentence: versionSentence(doc, entry, checked) };
    })
    .sort((a, b) => (a.date.iso < b.date.iso ? 1 : a.date.iso > b.date.iso ? -1 : 0));
  return story;
}

/** A sentence as plain text (the card, titles, tests). */
export function storyText(sentence: Sentence): string {
  return sentence.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}
