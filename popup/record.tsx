/** One record as the popup shows it: what it says, why it matters, how others compare. */
import type { RecordView } from '../src/messages/protocol';
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

const METHOD_TEXT = {
  exact: 'recordMethodExact',
  normalized: 'recordMethodNormalized',
  fuzzy: 'recordMethodFuzzy',
} as const satisfies Record<string, MessageKey>;

const comparisonText = (c: RecordView['comparison'][number]) =>
  t('recordComparison', categoryLabel(c.category), c.platformsWith, c.totalPlatforms);

export function RecordItem(props: {
  record: RecordView;
  onShow?: (key: string) => void;
  focused?: boolean;
}) {
  const { record, onShow } = props;
  return (
    <article class="record" id={`record-${record.key}`} aria-labelledby={`title-${record.key}`} data-focused={props.focused ? 'true' : undefined}>
      <header class="record-head">
        <SeverityTag severity={record.severity} />
        <h3 id={`title-${record.key}`}>{record.title}</h3>
      </header>
      {record.impact && <p class="impact">{record.impact}</p>}
      {record.source && (
        <p class="meta source">
          {sourceLine(record.source)}
          <br />
          {dataAgeSentence(record.source)}
        </p>
      )}
      {record.method === 'fuzzy' && record.foundText && <ChangedText recorded={record.quote} now={record.foundText} />}
      <details open={props.focused}>
        <summary>{t('recordWhyItMatters')}</summary>
        <p>{record.whyItMatters}</p>
        {record.notes.map((note) => (
          <p class="note">{note}</p>
        ))}
        <blockquote class="quote">{record.quote}</blockquote>
        <p class="meta">
          {record.platformName} · {record.documentTitle}
          {record.method ? ` · ${t(METHOD_TEXT[record.method])}` : ''} ·{' '}
          <a href={record.sourceUrl} target="_blank" rel="noreferrer" aria-describedby={`title-${record.key}`}>
            {t('recordSource')}
          </a>
        </p>
        {record.attribution && !record.source && (
          <p class="meta">
            {record.licence ? t('recordAnalysisLicence', record.attribution, record.licence) : t('recordAnalysis', record.attribution)}
          </p>
        )}
      </details>
      {record.comparison.length > 0 && (
        <details class="comparison">
          <summary>
            {record.comparison.map(comparisonText).join(' · ')}
          </summary>
          {record.comparison.map((c) => (
            <section>
              <h4>{comparisonText(c)}</h4>
              {c.others.length === 0 ? (
                <p class="meta">{t('recordNoOtherPlatform')}</p>
              ) : (
                <ul>
                  {c.others.slice(0, 5).map((other) => (
                    <li>
                      <SeverityTag severity={other.severity} /> {tParts('pairWithColon', <strong>{other.platformName}</strong>, other.title)}
                      <blockquote class="quote">{other.excerpt}</blockquote>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </details>
      )}
      {onShow && (
        <button type="button" class="show" aria-describedby={`title-${record.key}`} onClick={() => onShow(record.key)}>
          {t('recordShowInPage')}
        </button>
      )}
    </article>
  );
}
