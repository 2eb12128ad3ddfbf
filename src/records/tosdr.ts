/**
 * Converts a ToS;DR service export (`api/1/service/<slug>.json`, the format tosdr.org published
 * until 2021) into a Termlight pack. ToS;DR's analysis is theirs: every record keeps their
 * credit and licence (CC BY-SA 3.0), and the pack says so.
 */
import { z } from 'zod';
import { plainLine, plainText } from './plain-text';
import { sameDocument } from './same-document';
import { httpsUrl, parsePack, type Pack, type ProvisionRecord, type PolicyDocument } from './schema';
import { severityRank, type Category, type Severity } from './taxonomy';
import { tosdrPackVersion } from './tosdr-version';
import { patternProblem } from './url-pattern';

export const TOSDR_ATTRIBUTION = "Terms of Service; Didn't Read (tosdr.org) contributors";
export const TOSDR_LICENCE = 'CC BY-SA 3.0';
/** Who gave a platform's grade (`Platform.rating.source`). */
export const TOSDR_RATING_SOURCE = 'ToS;DR';
/** Why a record matters, when ToS;DR's point gives no explanation beyond its title. */
const NO_EXPLANATION = 'ToS;DR gives no explanation of this point beyond its title.';
/** Where a record points when ToS;DR did not give its document's address. */
const TOSDR_SITE = 'https://tosdr.org/';

const pointSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().default(''),
  quoteText: z.string().optional().nullable(),
  quoteDoc: z.string().optional().nullable(),
  discussion: z.string().optional().nullable(),
  source: z.record(z.string(), z.string()).optional().nullable(),
  topics: z.array(z.string()).optional().nullable(),
  tosdr: z.looseObject({
    case: z.string().optional().nullable(),
    point: z.enum(['good', 'neutral', 'bad', 'blocker']).optional().nullable(),
    score: z.number().optional().nullable(),
    tldr: z.string().optional().nullable(),
  }),
});

const serviceSchema = z.looseObject({
  links: z.record(z.string(), z.looseObject({ name: z.string().optional(), url: z.string() })).default({}),
  pointsData: z.record(z.string(), z.unknown()),
  urls: z.array(z.string()).default([]),
  name: z.string().optional(),
  /** ToS;DR's grade of the whole service: "A".."E", or false / "N/A" when it gave none. */
  class: z.unknown().optional(),
});

/** ToS;DR's grade when it gave one ("A".."E"); anything else ("N/A", false, junk) is no grade. */
export function tosdrGrade(value: unknown): string | null {
  return typeof value === 'string' && /^[A-E]$/.test(value.trim()) ? value.trim() : null;
}

/** True when the JSON has the shape of a ToS;DR service export (used to pick the importer). */
export function looksLikeTosdr(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'pointsData' in json && 'links' in json;
}

/**
 * ToS;DR rating → our severity. "bad" splits on ToS;DR's own weight: their score of 50 and
 * above marks the points they counted heavily in a grade.
 */
export function severityFor(point: string | null | undefined, score: number | null | undefined): Severity {
  switch (point) {
    case 'blocker':
      return 'critical';
    case 'bad':
      return (score ?? 0) >= 50 ? 'high' : 'medium';
    case 'good':
      return 'positive';
    default:
      return 'low';
  }
}

/**
 * ToS;DR case text → our categories, first match per rule, in this order. Cases are free
 * text, so these are keyword rules; anything unmatched is "other".
 */
export const CASE_RULES: [RegExp, Category][] = [
  [/arbitration|class action/i, 'arbitration'],
  [/court of law|jurisdiction|governing|law of the service/i, 'jurisdiction'],
  [/liabilit|as is|sole risk|damages|legal action/i, 'liability'],
  [/warrant|guarantee/i, 'warranty-disclaimer'],
  [/indemnif/i, 'indemnification'],
  [/terms may be changed|change its terms|material change|revisit the terms|changes/i, 'unilateral-change'],
  [/delete your account|suspend your account|stop providing|closing your account|banned/i, 'termination'],
  [/delete specific content|delete your content if|content may be removed|take ?down/i, 'content-removal'],
  [/licen[cs]e|copyright|moral rights|distribute your content|use your content/i, 'content-licence'],
  [/suggestions|feedback/i, 'feedback'],
  [/sell|third part|transfer your personal data|shares? (user|your)|disclose|aggregate/i, 'data-sharing'],
  [/track|cookie|pixel|fingerprint|beacon|do not track|browser history|ip address|referred/i, 'tracking'],
  [/retention|logs|keep personal data|holds onto|deleted after|keeps a license/i, 'retention'],
  [/over a certain age|age/i, 'age-limits'],
  [/refund|charge|fee|renew/i, 'fees-renewal'],
  [/leave this service|delete.*account|deletion of personal data|archive of your data/i, 'account-deletion'],
  [/by using|binding/i, 'contract-by-using'],
  [/not (to )?use the service|prohibit|not allowed|cannot scrape|spam|not submit/i, 'use-restrictions'],
  [/opt out|request access|you maintain ownership|pseudonym|complaint/i, 'user-rights'],
  [/secur|encrypt|two factor|breach/i, 'security'],
];

export function categoriesFor(caseText: string, title: string): Category[] {
  const text = `${caseText} ${title}`;
  const found = CASE_RULES.filter(([pattern]) => pattern.test(text)).map(([, category]) => category);
  return found.length ? [...new Set(found)].slice(0, 3) : ['other'];
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'x';

/** `https://www.spotify.com/us/legal/x/?a=1` → `www.spotify.com/us/legal/x` */
export function patternFromUrl(address: string): string | null {
  try {
    const url = new URL(address);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (/[?#\s*]/.test(path)) return null;
    const pattern = `${url.hostname.toLowerCase()}${path}`;
    // The URL parser accepts hosts and lengths a pattern may not have (`a_b.example`, `localhost`,
    // a 600-character path): such a document is kept without a pattern, never matched to a page.
    return patternProblem(pattern) ? null : pattern;
  } catch {
    return null;
  }
}

/**
 * An address the pack schema accepts: as written when it does, else as the URL parser
 * normalises it (`HTTPS://X.EXAMPLE/t`, `https:x.example/t`); null when neither is one. Every
 * address from the file goes through it: one the schema refuses would sink the whole export.
 */
function httpAddress(address: string): string | null {
  if (httpsUrl.safeParse(address).success) return address;
  try {
    const href = new URL(address).href;
    return httpsUrl.safeParse(href).success ? href : null;
  } catch {
    return null;
  }
}

/** ToS;DR began in 2012; nothing is dated after 2100. */
const EARLIEST_MS = Date.UTC(2012, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

/**
 * The latest date a service export holds: the submission time of its points
 * (`subbmittedTimestamp`, milliseconds, as ToS;DR spells it), the only date api/1 files carry.
 * Null when no point has one (most services); values that are not a plausible time are ignored.
 */
export function tosdrExportDate(pointsData: Record<string, unknown>): string | null {
  let latest = -Infinity;
  for (const point of Object.values(pointsData)) {
    const ms = typeof point === 'object' && point !== null ? (point as { subbmittedTimestamp?: unknown }).subbmittedTimestamp : undefined;
    if (typeof ms === 'number' && ms >= EARLIEST_MS && ms <= LATEST_MS && ms > latest) latest = ms;
  }
  return latest === -Infinity ? null : new Date(latest).toISOString().slice(0, 10);
}

const displayName = (slug: string) =>
  slug.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
const today = () => new Date().toISOString().slice(0, 10);
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export type ConvertResult =
  | {
      ok: true;
      pack: Pack;
      /** Points without a quote (nothing to show in a page). */
      skipped: number;
      /** Points that quote the same clause of the same document as a kept one (see dedupePoints). */
      duplicates: number;
      /** Document entries that were another entry's document (see same-document.ts). */
      mergedDocuments: number;
    }
  | { ok: false; errors: string[] };

/** Case, punctuation and spacing aside, the words of a text: to tell whether one text says more than another. */
const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Our severity in the words the notes of a merged point use (record data is English, like ToS;DR's). */
const SEVERITY_WORDS: Record<Severity, string> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  positive: 'good for you',
};

/**
 * ToS;DR lists some clauses twice: the same quote of the same document under two points,
 * sometimes with two ratings. A page can highlight a clause once, so one record stays: the
 * most severe (the first of equals), and a note on it says what the other listing said (its
 * title, when it differs, and its rating) so nothing ToS;DR wrote is hidden. Returns the
 * records kept, each where its clause was first listed, and how many were merged away.
 */
export function dedupePoints(records: readonly ProvisionRecord[]): { records: ProvisionRecord[]; duplicates: number } {
  const groups = new Map<string, ProvisionRecord[]>();
  for (const record of records) {
    const key = `${record.documentId}\n${record.quote.exact.replace(/\s+/g, ' ')}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const kept: ProvisionRecord[] = [];
  for (const group of groups.values()) {
    const [first, ...others] = [...group].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    const notes = others.flatMap((other) =>
      words(other.title) !== words(first!.title)
        ? [`ToS;DR also lists this clause as “${other.title}”, rated ${SEVERITY_WORDS[other.severity]}.`]
        : other.severity !== first!.severity
          ? [`ToS;DR lists this point twice; the other listing rates it ${SEVERITY_WORDS[other.severity]}.`]
          : [],
    );
    const allNotes = [...new Set([...(first!.notes ?? []), ...notes])].slice(0, 20).map((n) => clip(n, 4000));
    kept.push(allNotes.length ? { ...first!, notes: allNotes } : first!);
  }
  return { records: kept, duplicates: records.length - kept.length };
}

/**
 * One service export → one pack `tosdr.<slug>`. Points without a quote cannot be shown in a
 * page, so they are skipped and counted. Imported text is made plain (plain-text.ts): tags and
 * entities would show as raw markup and keep a quote from matching its page. Entries of one
 * document are merged (same-document.ts), a clause listed twice is kept once (dedupePoints), and
 * an impact that only repeats the title is left out. `date` stamps the records as converted that
 * day; the pack is dated by the export itself (tosdrExportDate) when it holds a date, else by
 * `date`, and its version says which (tosdr-version.ts).
 */
export function convertTosdrService(json: unknown, fileName: string, date = today()): ConvertResult {
  const parsed = serviceSchema.safeParse(json);
  if (!parsed.success) {
    // Clipped: a path can hold a key of any length from the file.
    return { ok: false, errors: parsed.error.issues.slice(0, 5).map((i) => clip(`${i.path.join('.') || '(file)'}: ${i.message}`, 500)) };
  }
  const service = parsed.data;
  const slug = slugify(fileName.replace(/\.json$/i, ''));
  const platformId = slug;
  const domains = service.urls
    .map((u) => u.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
    .filter((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));

  const documents: PolicyDocument[] = [];
  const docIdByLinkKey = new Map<string, string>();
  let mergedDocuments = 0;
  /** The document this entry is, when an earlier entry already is it. */
  const sameAs = (entry: { title: string; url?: string | undefined }) => documents.find((d) => sameDocument(d, entry))?.id;
  for (const [key, link] of Object.entries(service.links)) {
    const url = httpAddress(link.url);
    const pattern = url ? patternFromUrl(url) : null;
    if (!url || !pattern) continue;
    const id = `${slug}.${slugify(key)}`;
    if (documents.some((d) => d.id === id)) continue;
    // The schema refuses a blank title, and a link key can be blank ("", " ").
    const title = clip(plainLine(link.name ?? '') || key.trim() || 'Document', 300);
    const existing = sameAs({ title, url });
    if (existing) mergedDocuments++;
    else {
      documents.push({
        id,
        platformId,
        title,
        kind: /privacy|data|cookie/i.test(`${key} ${link.name ?? ''}`) ? 'privacy' : 'terms',
        url,
        urlPatterns: [pattern],
      });
    }
    docIdByLinkKey.set(key, existing ?? id);
    if (link.name) docIdByLinkKey.set(link.name, existing ?? id);
  }

  /** A document the points name that `links` lacks: kept, with its address when a point gives one. */
  const documentFor = (name: string, sourceUrl: string | undefined): string => {
    const known = docIdByLinkKey.get(name);
    if (known) return known;
    const id = `${slug}.${slugify(name)}`;
    if (documents.some((d) => d.id === id)) {
      docIdByLinkKey.set(name, id); // "Privacy policy" and "Privacy Policy " are one document
      return id;
    }
    const pattern = sourceUrl ? patternFromUrl(sourceUrl) : null;
    const title = clip(plainLine(name) || 'Document', 300);
    const url = pattern ? sourceUrl : undefined;
    const existing = sameAs({ title, url });
    if (existing) {
      mergedDocuments++;
      docIdByLinkKey.set(name, existing);
      return existing;
    }
    documents.push({
      id,
      platformId,
      title,
      kind: /privacy|data|cookie/i.test(name) ? 'privacy' : 'terms',
      ...(url ? { url } : {}),
      urlPatterns: pattern ? [pattern] : [],
    });
    docIdByLinkKey.set(name, id);
    return id;
  };

  const candidates: ProvisionRecord[] = [];
  const recordIds = new Set<string>();
  let skipped = 0;
  for (const raw of Object.values(service.pointsData)) {
    const point = pointSchema.safeParse(raw);
    // The quote as its page shows it: a quote of markup only has nothing to show.
    const quote = point.success ? plainText(point.data.quoteText ?? '') : '';
    if (!point.success || !quote) {
      skipped++;
      continue;
    }
    const sourceUrl = Object.values(point.data.source ?? {})
      .map(httpAddress)
      .find((u): u is string => u !== null);
    const documentId = documentFor(point.data.quoteDoc?.trim() || 'Terms', sourceUrl);
    const p = point.data;
    const caseText = plainLine((p.tosdr.case ?? '').replace(/-(good|bad|neutral|blocker)-\d+$/, ''));
    const title = clip(plainLine(p.title) || caseText || 'ToS;DR point', 300);
    const tldr = plainText(p.tosdr.tldr ?? '');
    const saysMore = (text: string, ...than: string[]) => {
      const own = words(text);
      return own !== '' && than.every((other) => own !== words(other));
    };
    // ToS;DR's case is the impact only when it says more than the title (most repeat it).
    const impact = saysMore(caseText, title) ? caseText : '';
    const usefulTldr = saysMore(tldr, quote, title, impact) && !/^generated through/i.test(tldr) ? tldr : '';
    const doc = documents.find((d) => d.id === documentId)!;
    // Ids that slugify alike ("A" and "a", "" and "?") would collide, and the schema refuses
    // duplicate ids: later ones get a numbered suffix.
    const baseId = `${slug}.point-${slugify(p.id)}`;
    let id = baseId;
    for (let n = 2; recordIds.has(id); n++) id = `${baseId}-${n}`;
    recordIds.add(id);
    const archiveUrl = p.discussion ? httpAddress(p.discussion) : null;
    candidates.push({
      id,
      documentId,
      title,
      quote: { exact: clip(quote, 10_000) },
      severity: severityFor(p.tosdr.point, p.tosdr.score),
      categories: categoriesFor(caseText, title),
      ...(impact ? { impact: clip(impact, 500) } : {}),
      whyItMatters: clip(usefulTldr || NO_EXPLANATION, 4000),
      firstTracked: date,
      lastVerified: date,
      provenance: {
        sourceUrl: doc.url ?? TOSDR_SITE,
        ...(archiveUrl ? { archiveUrl } : {}),
        attribution: TOSDR_ATTRIBUTION,
        licence: TOSDR_LICENCE,
      },
    });
  }
  const { records, duplicates } = dedupePoints(candidates);

  const usedDocs = new Set(records.map((r) => r.documentId));
  // The schema wants a name of 1-200 characters; ToS;DR's may be missing, blank or longer.
  const serviceName = clip(plainLine(service.name ?? '') || displayName(slug), 200);
  const exportDate = tosdrExportDate(service.pointsData);
  const grade = tosdrGrade(service.class);
  const pack = parsePack({
    schemaVersion: 1,
    packId: `tosdr.${slug}`,
    packVersion: tosdrPackVersion(exportDate),
    publishedAt: exportDate ?? date,
    source: {
      kind: 'tosdr',
      name: clip(`ToS;DR: ${serviceName}`, 200),
      attribution: TOSDR_ATTRIBUTION,
      licence: TOSDR_LICENCE,
    },
    platforms: [
      {
        id: platformId,
        name: serviceName,
        domains: domains.slice(0, 100),
        ...(grade ? { rating: { grade, source: TOSDR_RATING_SOURCE } } : {}),
      },
    ],
    documents: documents.filter((d) => usedDocs.has(d.id)),
    records,
  });
  return pack.ok ? { ok: true, pack: pack.pack, skipped, duplicates, mergedDocuments } : pack;
}
