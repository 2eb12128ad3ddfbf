/**
 * A document's date story (ui/date-story.ts) as the popup and the full record page show it: who
 * updated it when, when its records were checked, whether the open page is that checked
 * version, and its recorded versions (folded in the popup).
 */
import type { ComponentChildren } from 'preact';
import { t } from '../src/i18n/t';
import type { TabView } from '../src/messages/protocol';
import { dateStory, pageCounts, type DateStory, type Sentence } from '../src/ui/date-story';

type Doc = TabView['documents'][number];

/** A sentence with its dates as <time datetime="YYYY-MM-DD">. */
export function StorySentence(props: { sentence: Sentence }) {
  return (
    <>
      {props.sentence.map((part) => (typeof part === 'string' ? part : <time dateTime={part.iso}>{part.text}</time>))}
    </>
  );
}

const ICON: Partial<Record<NonNullable<DateStory['match']>['state'], string>> = { same: '✓', changed: '⚠' };

/** The story, as lines: dates, whether the page matches, the versions (folded unless `open`). */
export function DateStoryView(props: { story: DateStory; open?: boolean; versionsHeading?: ComponentChildren }) {
  const { story } = props;
  const dates: ComponentChildren[] = [];
  for (const sentence of [story.updated, story.checked]) {
    if (sentence) dates.push(<span class="date-part"><StorySentence sentence={sentence} /></span>);
  }
  if (story.sourceAge) dates.push(<span class="date-part">{story.sourceAge}</span>);
  const { match } = story;
  const versions = story.versions.length > 0 && (
    <ol class="versions">
      {story.versions.map((v) => (
        <li data-checked={v.checked ? 'true' : undefined}>
          <StorySentence sentence={v.sentence} />
        </li>
      ))}
    </ol>
  );
  return (
    <div class="date-story">
      {dates.length > 0 && (
        <p class="meta dates">
          {dates.flatMap((part, i) => (i === 0 ? [part] : [<span aria-hidden="true"> · </span>, part]))}
        </p>
      )}
      {match && (
        <p
          class={`verification match-${match.state}`}
          role={match.state === 'same' || match.state === 'changed' ? 'note' : undefined}
          aria-busy={match.state === 'pending' ? 'true' : undefined}
        >
          {ICON[match.state] && <span aria-hidden="true">{ICON[match.state]} </span>}
          {match.text}
        </p>
      )}
      {versions &&
        (props.open ? (
          <section class="history">
            {props.versionsHeading ?? <h3>{t('dateVersions', story.versions.length)}</h3>}
            {versions}
          </section>
        ) : (
          <details class="history">
            <summary>{t('dateVersions', story.versions.length)}</summary>
            {versions}
          </details>
        ))}
    </div>
  );
}

/**
 * The popup's lines under a document's name: its date story, with whether the tab's page is
 * the checked version once the page has reported its clauses.
 */
export function DocumentDates(props: { doc: Doc; view: TabView }) {
  const { doc, view } = props;
  const page = view.status === 'ready' ? { state: doc.verification.state, counts: pageCounts(doc.key, view.found, view.notFound) } : undefined;
  return <DateStoryView story={dateStory(doc, page)} />;
}
