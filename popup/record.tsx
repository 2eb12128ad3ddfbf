/** One record as the popup shows it: what it says, why it matters, how others compare. */
import type { RecordView } from '../src/messages/protocol';
import { diffCounts, diffWords } from '../src/anchoring/word-diff';
import { SeverityTag } from './severity';

/** A reworded clause: what was recorded against what the page says now, word by word. */
function ChangedText(props: { recorded: string; now: string }) {
  const parts = diffWords(props.recorded, props.now);
  const { added, removed } = diffCounts(parts);
  return (
    <div class="changed">
      <p>
        {added + removed === 0 ? (
          <>
            <strong>Punctuation changed since it was recorded</strong>, the words are the same. The page now reads:
          </>
        ) : (
          <>
            <strong>Reworded since it was recorded</strong>: {added} word{added === 1 ? '' : 's'} added, {removed} removed.
            The page now reads:
          </>
        )}
      </p>
      <blockquote class="quote diff">
        {parts.map((part) =>
          part.kind === 'same' ? (
            <span>{part.text} </span>
          ) : part.kind === 'removed' ? (
            <del>
              <span class="visually-hidden">[removed: </span>
              {part.text}
              <span class="visually-hidden">]</span>{' '}
            </del>
          ) : (
            <ins>
              <span class="visually-hidden">[added: </span>
              {part.text}
              <span class="visually-hidden">]</span>{' '}
            </ins>
          ),
        )}
      </blockquote>
    </div>
  );
}

const METHOD_TEXT = {
  exact: 'Found on the page word for word.',
  normalized: 'Found on the page (ignoring spacing, quotes and case).',
  fuzzy: 'Found on the page, reworded since it was recorded.',
} as const;

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
      <p class="impact">{record.impact}</p>
      {record.method === 'fuzzy' && record.foundText && <ChangedText recorded={record.quote} now={record.foundText} />}
      <details open={props.focused}>
        <summary>Why it matters</summary>
        <p>{record.whyItMatters}</p>
        {record.notes.map((note) => (
          <p class="note">{note}</p>
        ))}
        <blockquote class="quote">{record.quote}</blockquote>
        <p class="meta">
          {record.platformName} · {record.documentTitle}
          {record.method ? ` · ${METHOD_TEXT[record.method]}` : ''}
        </p>
        {record.attribution && (
          <p class="meta">
            Analysis: {record.attribution}
            {record.licence ? ` (${record.licence})` : ''}
          </p>
        )}
      </details>
      {record.comparison.length > 0 && (
        <details class="comparison">
          <summary>
            {record.comparison
              .map((c) => `${c.label}: found in ${c.platformsWith} of ${c.totalPlatforms} platforms`)
              .join(' · ')}
          </summary>
          {record.comparison.map((c) => (
            <section>
              <h4>
                {c.label}: found in {c.platformsWith} of {c.totalPlatforms} platforms
              </h4>
              {c.others.length === 0 ? (
                <p class="meta">No other platform in your records has a clause like this.</p>
              ) : (
                <ul>
                  {c.others.slice(0, 5).map((other) => (
                    <li>
                      <SeverityTag severity={other.severity} /> <strong>{other.platformName}</strong>: {other.title}
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
        <button type="button" class="show" onClick={() => onShow(record.key)}>
          Show in page
        </button>
      )}
    </article>
  );
}
