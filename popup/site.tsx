/**
 * "What Termlight knows about this site", on any page: the platforms the site belongs to with
 * their records at a glance (counts by severity, the worst first, the documents, every source
 * with its date and licence), or plainly that nothing is recorded; and "Highlight on this page".
 * Asks the background by host only: the page's address never leaves the popup.
 */
import { useEffect, useState } from 'preact/hooks';
import { plural, t, tParts } from '../src/i18n/t';
import type { ReplyData, TabView } from '../src/messages/protocol';
import { SEVERITIES } from '../src/records/taxonomy';
import { tosdrDataDate } from '../src/records/tosdr-version';
import { dataAgeSentence } from '../src/ui/record-source';
import { request } from './api';
import { ReachOffer } from './reach-offer';
import { SeverityTag } from './severity';

export type SiteView = ReplyData<'popup/site'>;
type SitePlatform = SiteView['platforms'][number];
type Outcome = ReplyData<'popup/highlight'>;

/** How many of a platform's clauses are shown before "All N clauses". */
const AT_A_GLANCE = 5;

/** The host the site view is about, or null for a page that is not a web page (or unreadable). */
export function siteHostOf(url: string | undefined): string | null {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** "Spotify", "Microsoft and Skype": the platforms whose records were used, as one phrase. */
export function platformList(names: readonly string[]): string {
  try {
    return new Intl.ListFormat(t('htmlLang'), { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * What "Highlight on this page" did, once the page has answered: how many clauses it found, or
 * that none was; null while it is still looking (the tab's own status says so) or not asked.
 */
export function highlightResult(site: SiteView, tab: TabView | null): string | null {
  if (!site.onDemand || !tab || tab.status !== 'ready') return null;
  const names = platformList(site.platforms.filter((p) => p.recordCount > 0).map((p) => p.name));
  const n = tab.found.length;
  return n === 0 ? t('popupSiteNoneFound', names) : plural(n, 'popupSiteHighlightedOne', 'popupSiteHighlightedMany', n, names);
}

function outcomeText(outcome: Outcome): string {
  if (outcome.outcome === 'nothing') return t('popupSiteNothing', outcome.host);
  if (outcome.outcome === 'unavailable') return outcome.error ? t('popupSiteUnavailableWhy', outcome.error) : t('popupSiteUnavailable');
  return t('popupSiteLooking', platformList(outcome.platforms));
}

/**
 * A source's age as the reader can judge it, in the words the card and the record use
 * (ui/record-source.ts): ToS;DR's latest date in its data, an import's publication date; the
 * bundled records, which ship with the extension, by their version.
 */
function sourceAge(source: SitePlatform['sources'][number]): string {
  if (source.kind === 'bundled') return t('popupSiteSourceVersion', source.version, source.publishedAt);
  const dataDate = source.kind === 'tosdr' ? tosdrDataDate(source.version) : source.publishedAt;
  return dataAgeSentence({ kind: source.kind, name: source.name, ...(dataDate ? { dataDate } : {}) });
}

/** A platform's clauses counted by severity (also a platform opened from search). */
export function Counts({ platform }: { platform: Pick<SitePlatform, 'counts' | 'recordCount'> }) {
  const present = SEVERITIES.filter((s) => platform.counts[s] > 0);
  return (
    <p class="site-counts">
      {plural(platform.recordCount, 'popupSiteClausesOne', 'popupSiteClausesMany')}
      {present.map((s) => (
        <span>
          {' · '}
          <SeverityTag severity={s} /> {platform.counts[s]}
        </span>
      ))}
    </p>
  );
}

/** One clause at a glance: severity, title, impact, excerpt, where it is and whose analysis. */
export function Clause({ record }: { record: SitePlatform['records'][number] }) {
  return (
    <li>
      <SeverityTag severity={record.severity} /> <strong>{record.title}</strong>
      {record.impact !== record.title && <div>{record.impact}</div>}
      <blockquote class="quote">{record.excerpt}</blockquote>
      <div class="meta">
        {record.documentTitle ? t('popupSiteClauseWhere', record.documentTitle, record.source) : record.source}
      </div>
      {record.credit && <div class="meta">{t('recordAnalysis', record.credit)}</div>}
    </li>
  );
}

/** A platform's documents, linked, each with whose records describe it. */
export function SiteDocuments({ documents }: { documents: SitePlatform['documents'] }) {
  if (documents.length === 0) return null;
  return (
    <>
      <h4>{t('popupSiteDocuments')}</h4>
      <ul class="site-docs">
        {documents.map((doc) => (
          <li>
            {doc.url ? (
              <a href={doc.url} target="_blank" rel="noreferrer">
                {doc.title}
              </a>
            ) : (
              doc.title
            )}{' '}
            <span class="meta">{doc.url ? t('popupSiteDocSource', doc.source) : t('popupSiteDocNoAddress', doc.source)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Platform({ platform }: { platform: SitePlatform }) {
  const rest = platform.records.slice(AT_A_GLANCE);
  const unlisted = platform.recordCount - platform.records.length;
  return (
    <article class="site-platform" aria-labelledby={`site-${platform.id}`}>
      <h3 id={`site-${platform.id}`}>{platform.name}</h3>
      <p class="meta">
        {platform.matchedBy.kind === 'domain' ? t('popupSiteMatchedDomain', platform.matchedBy.host) : t('popupSiteMatchedDocument', platform.matchedBy.host)}
      </p>
      {platform.rating && <p class="site-grade">{t('popupSiteGrade', platform.rating.grade, platform.rating.source)}</p>}
      <Counts platform={platform} />
      {platform.records.length > 0 && (
        <ol class="hits site-worst">
          {platform.records.slice(0, AT_A_GLANCE).map((record) => (
            <Clause key={record.key} record={record} />
          ))}
        </ol>
      )}
      {rest.length > 0 && (
        <details>
          <summary>{plural(rest.length, 'popupSiteMoreOne', 'popupSiteMoreMany')}</summary>
          <ol class="hits">
            {rest.map((record) => (
              <Clause key={record.key} record={record} />
            ))}
          </ol>
          {unlisted > 0 && <p class="meta">{plural(unlisted, 'popupSiteUnlistedOne', 'popupSiteUnlistedMany')}</p>}
        </details>
      )}
      <SiteDocuments documents={platform.documents} />
      <h4>{t('popupSiteSources')}</h4>
      <ul class="site-sources">
        {platform.sources.map((source) => (
          <li>
            {tParts('popupSiteSource', <strong>{source.name}</strong>, sourceAge(source), plural(source.records, 'nRecordsOne', 'nRecordsMany', source.records))}
            {source.credit && <div class="meta">{t('recordAnalysis', source.credit)}</div>}
          </li>
        ))}
      </ul>
    </article>
  );
}

export interface SiteSectionProps {
  tabId: number;
  url: string;
  /** The tab's page as the popup knows it (its clauses when highlighted), or null before the first answer. */
  tab: TabView | null;
  /** Folded away once the page has clauses of its own to list (a document's, or highlighted on request). */
  compact: boolean;
  /** Called once the page has been asked to highlight, so the popup follows its clauses. */
  onHighlight: () => void;
}

/**
 * The site view. A page that is not a web page (a browser page, a local file) gets one sentence
 * and no button; a site nothing is recorded about says so, with the search below at hand.
 */
export function SiteSection(props: SiteSectionProps) {
  const host = siteHostOf(props.url);
  const [site, setSite] = useState<SiteView | null>(null);
  const [error, setError] = useState('');
  const [asked, setAsked] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!host) return;
    let live = true;
    request({ type: 'popup/site', host, tabId: props.tabId })
      .then((view) => {
        if (!live) return;
        setSite(view);
        // Asked for (maybe from the shortcut or the menu as this popup opened): follow the page's answer.
        if (view.onDemand) props.onHighlight();
      })
      .catch((e: Error) => live && setError(t('recordsReadFailed', e.message)));
    return () => {
      live = false;
    };
  }, [host, props.tabId]);

  if (!host) return <p class="empty">{t('popupSiteNotWeb')}</p>;
  if (error) return <p role="alert" class="error">{error}</p>;
  if (!site) return <p aria-busy="true">{t('popupLoading')}</p>;

  const highlight = async () => {
    setBusy(true);
    try {
      const outcome = await request({ type: 'popup/highlight', tabId: props.tabId });
      setAsked(outcome);
      if (outcome.outcome === 'started') {
        setSite({ ...site, onDemand: true });
        props.onHighlight();
      }
    } catch (e) {
      setAsked({ outcome: 'unavailable', error: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const known = site.platforms.some((p) => p.recordCount > 0);
  const result = highlightResult(site, props.tab);
  // The button where the page has no clauses of its own yet: not on a highlighted document.
  const canAsk = known && (props.tab?.status ?? 'none') === 'none';
  const said = result ?? (asked && (asked.outcome !== 'started' || props.tab?.status !== 'ready') ? outcomeText(asked) : null);

  const body = (
    <>
      {site.platforms.length === 0 ? (
        <>
          <p class="empty">{t('popupSiteNothing', site.host)}</p>
          <p class="meta">{t('popupSiteSearchHint')}</p>
        </>
      ) : (
        site.platforms.map((platform) => <Platform key={platform.id} platform={platform} />)
      )}
    </>
  );
  const action = (canAsk || said) && (
    <div class="site-action">
      {canAsk && (
        <>
          <button type="button" class="highlight" onClick={() => void highlight()} disabled={busy} aria-describedby="site-action-hint">
            {t('popupSiteHighlight')}
          </button>
          <p class="meta" id="site-action-hint">
            {t('popupSiteHighlightHint')}
          </p>
        </>
      )}
      {said && (
        <p role="status" class={asked?.outcome === 'unavailable' ? 'error' : undefined}>
          {said}
        </p>
      )}
    </div>
  );

  return (
    <section class="site" aria-labelledby="site-heading">
      {props.compact ? (
        <>
          {action}
          <details>
            <summary id="site-heading">{t('popupSiteHeading', site.host)}</summary>
            {body}
          </details>
        </>
      ) : (
        <>
          <h2 id="site-heading">{t('popupSiteHeading', site.host)}</h2>
          {action}
          {/* Automatic highlights on the sites of imported records, where not allowed yet (reach-offer.tsx). */}
          {known && <ReachOffer host={site.host} />}
          {body}
        </>
      )}
    </section>
  );
}
