import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../state/createStore';
import { openArticle, uiStore } from '../../state/uiState';
import { deleteArticle } from '../annotate/annotationOps';
import { notify, reportError } from '../../components/toasts';
import { runUndo } from '../../app/useAppKeys';
import { withChangeProgress } from '../changes/changeTask';
import { ChangeCancelled } from '../../db/changes';
import { importFromDialog } from './importActions';
import { restoreSamples } from './seedArticles';
import { searchArticles } from './searchArticles';
import { annotationCounts, liveArticles } from '../../db/queries';
import { SourceFields } from './SourceFields';
import { outletName } from '../../../shared/text/outlet';

export function LibrarySidebar({ onPaste }: { onPaste: () => void }) {
  const articles = useLiveQuery(() => liveArticles(), []);
  // Re-runs on every annotation change: reads index keys, not whole rows.
  const counts = useLiveQuery(() => annotationCounts(), []);
  const openId = useStore(uiStore, (s) => s.openArticleId);
  const openRow = articles?.find((a) => a.id === openId);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useMemo(() => searchArticles(articles ?? [], deferred), [articles, deferred]);

  return (
    <nav className="library" aria-label="Library">
      <div className="library-head">
        <h1 className="app-name">Corroborate</h1>
        <div className="library-actions">
          <button
            type="button"
            onClick={() => void importFromDialog()}
            title="Import .txt, .md or .html files (Ctrl+O)"
          >
            Import…
          </button>
          <button
            type="button"
            onClick={onPaste}
            title="Paste text as a new article (Ctrl+Shift+V)"
          >
            Paste
          </button>
        </div>
        <input
          type="search"
          className="library-search"
          placeholder="Search titles and text (Ctrl+F)"
          aria-label="Search the library"
          data-testid="library-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {articles && articles.length === 0 && (
        <div className="empty-state" data-testid="library-empty">
          <p>Your library is empty.</p>
          <p>Import files, drop them on the window, or paste text.</p>
          <button
            type="button"
            onClick={() =>
              void restoreSamples().then((n) => notify('info', `Restored ${n} sample articles.`))
            }
          >
            Restore sample articles
          </button>
        </div>
      )}
      {articles && articles.length > 0 && results.length === 0 && (
        <p className="empty-state">No article matches “{deferred}”.</p>
      )}
      <ul className="library-list" data-testid="library-list">
        {results.map(({ article, snippet }) => (
          <li key={article.id}>
            <button
              type="button"
              className={`library-item${article.id === openId ? ' active' : ''}`}
              aria-current={article.id === openId ? 'true' : undefined}
              data-testid="library-item"
              onClick={() => void openArticle(article.id)}
            >
              <span className="library-title">{article.title}</span>
              <span className="library-meta">
                {[outletName(article), article.date].filter(Boolean).join(' · ') ||
                  'Unknown source'}
                {annotationCount(counts?.get(article.id) ?? 0)}
              </span>
              {snippet && <span className="library-snippet">{snippet}</span>}
            </button>
            <button
              type="button"
              className="library-delete"
              aria-label={`Delete ${article.title}`}
              title="Delete article"
              onClick={() =>
                void withChangeProgress(`Deleting “${article.title}”`, (progress) =>
                  deleteArticle(article.id, progress),
                )
                  .then(() =>
                    notify('info', `Deleted “${article.title}”.`, {
                      label: 'Undo',
                      run: () => void runUndo('undo'),
                    }),
                  )
                  .catch((e) =>
                    e instanceof ChangeCancelled
                      ? notify('info', 'Delete cancelled: nothing was removed.')
                      : reportError('Deleting the article', e),
                  )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {openRow && <SourceFields article={openRow} />}
    </nav>
  );
}

function annotationCount(n: number): string {
  return n === 0 ? '' : ` · ${n} annotation${n === 1 ? '' : 's'}`;
}
