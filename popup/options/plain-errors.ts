/**
 * What went wrong, for a person: each kind of failure an import or a feed check meets, said as
 * what is wrong and what to do, with the technical message (the parser's words, the HTTP
 * status, the validator's JSON paths) kept apart for "Technical details".
 */
import { t, type MessageKey } from '../../src/i18n/t';
import type { Problem } from '../../src/messages/protocol';

export interface PlainError {
  /** What is wrong, in a sentence. */
  what: string;
  /** What to do about it. */
  todo: string;
  /** The technical message, shown folded under the plain words. */
  detail: string;
}

/** What failed: a file the reader picked, or the records feed. */
export type Subject = 'file' | 'feed';

/** Issue paths said in words, at most this many (the rest are in the technical details). */
const MAX_PLACES = 3;

/** The collections of a pack or a ToS;DR export whose items the reader can count or name. */
const ITEMS: Record<string, MessageKey> = {
  records: 'plainItemRecord',
  documents: 'plainItemDocument',
  platforms: 'plainItemPlatform',
  pointsData: 'plainItemPoint',
  links: 'plainItemLink',
};

/**
 * One validator line ("records[0].severity: Invalid option…", "pointsData.12.quoteDoc: …") as
 * the place it names: "the “severity” of record 1". Null for lines that name no place.
 */
export function plainPlace(issue: string): string | null {
  const colon = issue.indexOf(': ');
  if (colon <= 0) return null;
  const path = issue.slice(0, colon);
  if (path === '(pack)' || path === '(file)') return t('plainPlaceWhole');
  const parts = path.split(/[.[\]]+/).filter(Boolean);
  const [first, second, ...rest] = parts;
  if (!first) return null;
  const item = ITEMS[first];
  if (item && second !== undefined) {
    // Packs number their items from 0; ToS;DR names its points and links by key.
    const name = /^\d+$/.test(second) && first !== 'pointsData' ? String(Number(second) + 1) : second;
    const thing = t(item, name);
    return rest.length ? t('plainPlaceFieldOf', rest.join('.'), thing) : thing;
  }
  return t('plainPlaceField', parts.join('.'));
}

/** The places a validator's lines name, in words, the first few and how many more. */
export function plainPlaces(issues: readonly string[]): string {
  const places = [...new Set(issues.map(plainPlace).filter((p): p is string => p !== null))];
  if (places.length === 0) return t('plainPlaceWhole');
  const shown = places.slice(0, MAX_PLACES).join('; ');
  const more = places.length - MAX_PLACES;
  if (more <= 0) return shown;
  return more === 1 ? t('plainPlacesMoreOne', shown) : t('plainPlacesMoreMany', shown, String(more));
}

function httpWords(status: number): [MessageKey, MessageKey] {
  if (status === 404 || status === 410) return ['plainFeedNotFound', 'plainFeedNotFoundTodo'];
  if (status === 401 || status === 403) return ['plainFeedRefused', 'plainFeedRefusedTodo'];
  if (status >= 500) return ['plainFeedServerError', 'plainFeedLaterTodo'];
  return ['plainFeedHttpOther', 'plainFeedAddressTodo'];
}

/**
 * The plain words for a failure of this kind. `detail` is the technical message that came with
 * it; a failure of unknown kind (a status kept by an older version) still gets plain words.
 */
export function plainError(problem: Problem | undefined, subject: Subject, detail: string): PlainError {
  const say = (what: string, todo: string): PlainError => ({ what, todo, detail });
  const file = subject === 'file';
  switch (problem?.kind) {
    case 'not-json':
      return file ? say(t('plainFileNotJson'), t('plainFileCheckTodo')) : say(t('plainFeedNotJson'), t('plainFeedNotJsonTodo'));
    case 'invalid':
      if (!file) return say(t('plainFeedInvalid', plainPlaces(problem.issues)), t('plainFeedPublisherTodo'));
      return problem.format === 'tosdr'
        ? say(t('plainFileBadTosdr', plainPlaces(problem.issues)), t('plainFileBadTosdrTodo'))
        : say(t('plainFileBadPack', plainPlaces(problem.issues)), t('plainFileBadPackTodo'));
    case 'unknown-file':
      return say(t('plainFileUnknown'), t('plainFileUnknownTodo'));
    case 'too-large':
      return file
        ? say(t('plainFileTooLarge', String(problem.limitMb)), t('plainFileCheckTodo'))
        : say(t('plainFeedTooLarge', String(problem.limitMb)), t('plainFeedPublisherTodo'));
    case 'storage':
      return problem.full
        ? say(t('plainStorageFull'), t('plainStorageFullTodo'))
        : say(t('plainStorageRefused'), t('plainStorageRefusedTodo'));
    case 'http': {
      const [what, todo] = httpWords(problem.status);
      return say(t(what, String(problem.status)), t(todo));
    }
    case 'unreachable':
      return say(t('plainFeedUnreachable'), t('plainFeedUnreachableTodo'));
    case 'timeout':
      return say(t('plainFeedTimeout', String(problem.seconds)), t('plainFeedLaterTodo'));
    case 'redirect':
      return say(t('plainFeedRedirect'), t('plainFeedPublisherTodo'));
    default:
      return say(t(file ? 'plainFileOther' : 'plainFeedOther'), t('plainOtherTodo'));
  }
}
