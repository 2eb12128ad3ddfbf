/**
 * One record as the popup shows it: a compact row (severity, title, one line of what it means
 * for you) that unfolds into the record itself (RecordDetails): the clause's own words first,
 * then why it matters, how other platforms compare, how it was reworded, where it comes from.
 */
import type { RecordView } from '../src/messages/protocol';
import { POPUP_COMPARISON_OTHERS } from '../src/messages/limits';
import { diffCounts, diffWords } from '../src/anchoring/word-diff';
import { categoryLabel } from '../src/i18n/labels';
import { t, tParts, type MessageKey } from '../src/i18n/t';
import { dataAgeSentence, sourceLine } from '../src/ui/record-source';
import { SeverityTag } from './severity';

/** A reworded clause: what was recorded against what the page says now, word by word. */
function ChangedText(props: { recorded: string; now: string }) {
  const parts = diffWords(props.recorded, props.now);
  const { added, removed } = diffCounts(parts);
  return (
    <div class="changed">
      <p>
        {added + removed === 0
          ? tParts('recordPunctuationChangedSentence', <strong>{t('recordPunctuationChanged')}</strong>)
          : tParts(
              added === 1 ? 'recordRewordedSentenceOne' : 'recordRewordedSentenceMany',
              <strong>{t('recordReworded')}</strong>,
              added,
              removed,
            )}
      </p>
      <blockquote class="quote diff">
        {parts.map((part) =>
          part.kind === 'same' ? (
            <span>{part.text} </span>
          ) : part.kind === 'removed' ? (
            <del>
              <Marked message="recordDiffRemoved" text={part.text} />{' '}
            </del>
          ) : (
            <ins>
              <Marked message="recordDiffAdded" text={part.text} />{' '}
            </ins>
          ),
        )}
      </blockquote>
    </div>
  );
}

/** A changed word, with what happened to it said to screen readers only ("[removed: word]"). */
function Marked(props: { message: MessageKey; text: string }) {
  const text = <>{props.text}</>;
  return <>{tParts(props.message, text).map((part) => (part === text ? part : <span class="visually-hidden">{part}</span>))}</>;
}

const comparisonText = (c: RecordView['comparison'][number]) =>
  t('recordComparison', categoryLabel(c.category), c.platformsWith, c.totalPlatforms);

/** "Found in N of M platforms" per category, each unfolding to the other platforms' clauses. */
function Comparison(props: { comparison: RecordView['comparison'] }) {
  return (
    <>
      {props.comparison.map((c) => (
        <details class="comparison">
          <summary>{comparisonText(c)}</summary>
          {c.others.length === 0 ? (
            <p class="meta">{t('recordNoOtherPlatform')}</p>
          ) : (
            <ul>
              {c.others.slice(0, POPUP_COMPARISON_OTHERS).map((other) => (
                <li>
                  <SeverityTag severity={other.severity} /> {tParts('pairWithColon', <strong>{other.platformName}</strong>, other.title)}
                  <blockquote class="quote">{other.excerpt}</blockquote>
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </>
  );
}

export interface RecordDetailsProps {
  record: RecordView;
  /** Given where the record is on the tab's page: a "Show in page" button calls it with the record's key. */
  onShow?: (key: string) => void;
}

/**
 * Everything a record says, in reading order: the clause's own words (as the page has them now
 * when reworded), why it matters, notes, how other platforms compare, what was reworded, and
 * where it comes from, with "Show in page" last. Shared by the popup's rows and the record page.
 */
export function RecordDetails(props: RecordDetailsProps) {
  const { record, onShow } = props;
  const reworded = record.method === 'fuzzy' && record.foundText ? record.foundText : null;
  return (
    <div class="record-details">
      <blockquote class="quote">{reworded ?? record.quote}</blockquote>
      <h4>{t('recordWhyItMatters')}</h4>
      <p class="why">{record.whyItMatters}</p>
      {record.notes.map((note) => (
        <p class="note">{note}</p>
      ))}
      {record.comparison.length > 0 && <Comparison comparison={record.comparison} />}
      {reworded && <ChangedText recorded={record.quote} now={reworded} />}
      {record.source && (
        <p class="meta source">
          {sourceLine(record.source)}
          <br />
          {dataAgeSentence(record.source)}
        </p>
      )}
      {record.attribution && !record.source && (
        <p class="meta">
          {record.licence ? t('recordAnalysisLicence', record.attribution, record.licence) : t('recordAnalysis', record.attribution)}
        </p>
      )}
      <p class="meta">
        {record.platformName} · {record.documentTitle} ·{' '}
        <a href={record.sourceUrl} target="_blank" rel="noreferrer" aria-describedby={`title-${record.key}`}>
          {t('recordSource')}
        </a>
      </p>
      {onShow && (
        <button type="button" class="show" aria-describedby={`title-${record.key}`} onClick={() => onShow(record.key)}>
          {t('recordShowInPage')}
        </button>
      )}
    </div>
  );
}

export interface RecordRowProps extends RecordDetailsProps {
  open: boolean;
  /** Called when the reader opens or closes the row (click, Enter or Space on its summary). */
  onToggle: (key: string, open: boolean) => void;
  /** Hidden by the severity filter. */
  hidden?: boolean;
  /** The record the popup was opened for (?record=): outlined. */
  focused?: boolean;
}

/**
 * One compact row: severity, title and one line of impact; opening it (a <details>, so mouse,
 * Enter and Space work, and the open state is announced) shows the whole impact and the record.
 * The title is the row's heading, so a screen reader can move between clauses by heading.
 */
export function RecordRow(props: RecordRowProps) {
  const { record } = props;
  return (
    <article
      class={`record sev-row-${record.severity}`}
      id={`record-${record.key}`}
      aria-labelledby={`title-${record.key}`}
      data-focused={props.focused ? 'true' : undefined}
      hidden={props.hidden}
    >
      <details
        open={props.open}
        onToggle={(e) => {
          const open = e.currentTarget.open;
          if (open !== props.open) props.onToggle(record.key, open);
        }}
      >
        <summary class="row">
          <SeverityTag severity={record.severity} /> <h3 id={`title-${record.key}`}>{record.title}</h3>
          {record.impact && <span class="impact">{record.impact}</span>}
        </summary>
        <RecordDetails record={record} {...(props.onShow ? { onShow: props.onShow } : {})} />
      </details>
    </article>
  );
}
