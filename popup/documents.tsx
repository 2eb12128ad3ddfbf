/**
 * The document(s) of the tab's page, each as "Platform: Title" (linked) with its date story
 * (verification.tsx), and one line of credit when some clauses come from another source than
 * Termlight's own records (its own are not named).
 */
import { plural, t, tParts } from '../src/i18n/t';
import type { TabView } from '../src/messages/protocol';
import { pageCredit } from './glance';
import { platformList } from './site';
import { DocumentDates } from './verification';

export function Documents(props: { view: TabView }) {
  const { view } = props;
  const credit = pageCredit(view.found);
  return (
    <>
      {view.documents.map((doc) => (
        <div class="doc" key={doc.key}>
          <h2 id={`doc-heading-${doc.key}`}>
            {doc.url
              ? tParts('pairWithColon', doc.platformName, <a href={doc.url} target="_blank" rel="noreferrer">{doc.title}</a>)
              : t('pairWithColon', doc.platformName, doc.title)}
          </h2>
          <DocumentDates doc={doc} view={view} />
        </div>
      ))}
      {credit && (
        <p class="meta credit">
          {plural(credit.count, 'popupCreditOne', 'popupCreditMany', credit.count, platformList(credit.sources))}
        </p>
      )}
    </>
  );
}
