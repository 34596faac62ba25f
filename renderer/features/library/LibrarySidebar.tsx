import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../state/createStore';
import { uiStore } from '../../state/uiState';
import { deleteArticle } from '../annotate/annotationOps';
import { notify, reportError } from '../../components/toasts';
import { runUndo } from '../../app/useAppKeys';
import { withChangeProgress } from '../changes/changeTask';
import { ChangeCancelled } from '../../db/changes';
import { importFromDialog } from './importActions';
import { restoreSamples } from './seedArticles';
import { searchArticles } from './searchArticles';
import { annotationCounts } from '../../db/queries';
import { SourceFields } from './SourceFields';
import type { Article } from '../../../shared/model/types';
import { LibraryList } from './LibraryList';
import { useLiveArticles } from '../../state/liveArticles';

export function LibrarySidebar({ onPaste }: { onPaste: () => void }) {
  const articles = useLiveArticles()?.list;
  // Re-runs on every annotation change: reads index keys, not whole rows.
  const counts = useLiveQuery(() => annotationCounts(), []);
  const openId = useStore(uiStore, (s) => s.openArticleId);
  const openRow = articles?.find((a) => a.id === openId);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useMemo(() => searchArticles(articles ?? [], deferred), [articles, deferred]);
  const remove = (article: Article) =>
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
      );

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
      <LibraryList rows={results} openId={openId} counts={counts} onDelete={remove} />
      {openRow && <SourceFields article={openRow} />}
    </nav>
  );
}
