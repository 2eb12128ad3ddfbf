/** Offline search over every platform and clause in the records, on any page. */
import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../src/store/store';
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
    <section class="search" aria-label="Search the records">
      <label for="search">Search platforms and clauses</label>
      <input
        id="search"
        type="search"
        placeholder="e.g. arbitration, OpenAI, retention"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {error && <p role="alert">{error}</p>}
      {hits && (
        <div role="region" aria-live="polite" aria-label="Search results">
          <p class="meta">{hits.length === 0 ? 'Nothing matches.' : `${hits.length} result${hits.length === 1 ? '' : 's'}`}</p>
          <ul class="hits">
            {hits.map((hit) =>
              hit.kind === 'platform' ? (
                <li key={`p-${hit.platformId}`}>
                  <strong>{hit.name}</strong> · {hit.documents} document{hit.documents === 1 ? '' : 's'} ·{' '}
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
                  {hit.credit && <div class="meta">Analysis: {hit.credit}</div>}
                </li>
              ),
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
