/** Offline search over every platform and clause in the records, on any page. */
import { useEffect, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/t';
import type { SearchHit } from '../src/messages/protocol';
import { request } from './api';
import { SeverityTag } from './severity';

export function Search() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      request({ type: 'popup/search', query: q })
        .then((result) => live && (setHits(result), setError('')))
        .catch((e: Error) => live && setError(e.message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section class="search" aria-label={t('searchRegionLabel')}>
      <label for="search">{t('searchInputLabel')}</label>
      <input
        id="search"
        type="search"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {error && <p role="alert">{error}</p>}
      {hits && (
        <div role="region" aria-label={t('searchResultsLabel')}>
          <p class="meta" role="status">{hits.length === 0 ? t('searchNothing') : plural(hits.length, 'searchResultsOne', 'searchResultsMany')}</p>
          <ul class="hits">
            {hits.map((hit) =>
              hit.kind === 'platform' ? (
                <li key={`p-${hit.platformId}`}>
                  <strong>{hit.name}</strong> · {plural(hit.documents, 'nDocumentsOne', 'nDocumentsMany')} ·{' '}
                  {hit.domains.slice(0, 3).join(', ')}
                </li>
              ) : (
                <li key={hit.recordKey}>
                  <SeverityTag severity={hit.severity} /> <strong>{hit.title}</strong>
                  <div class="meta">
                    {hit.platformName} ·{' '}
                    {hit.documentUrl ? (
                      <a href={hit.documentUrl} target="_blank" rel="noreferrer">
                        {hit.documentTitle}
                      </a>
                    ) : (
                      hit.documentTitle
                    )}
                  </div>
                  <blockquote class="quote">{hit.excerpt}</blockquote>
                  {hit.credit && <div class="meta">{t('recordAnalysis', hit.credit)}</div>}
                </li>
              ),
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
