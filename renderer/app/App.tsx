import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../state/createStore';
import { restoreUiState, togglePanel, uiStore, updateUi, type MainView } from '../state/uiState';
import './layout.css';
import { Toasts } from '../components/Toasts';
import { reportError } from '../components/toasts';
import { LibrarySidebar } from '../features/library/LibrarySidebar';
import { PasteDialog } from '../features/library/PasteDialog';
import { seedOnFirstRun } from '../features/library/seedArticles';
import { ReadingView } from '../features/annotate/ReadingView';
import { SelectionToolbar } from '../features/annotate/SelectionToolbar';
import { SpeakerDialog } from '../features/annotate/SpeakerDialog';
import { readPendingSpan, tagSpan, type PendingSpan } from '../features/annotate/tagSelection';
import { ReviewView } from '../features/review/ReviewView';
import { GroupsView } from '../features/review/GroupsView';
import { MatrixView } from '../features/review/MatrixView';
import { BundleActions, handleBundleMenu } from '../features/bundle/BundleActions';
import { DropZone } from './DropZone';
import { useAppKeys } from './useAppKeys';
import { startupProblem } from './startup';

const VIEWS: { id: MainView; label: string }[] = [
  { id: 'read', label: 'Read' },
  { id: 'review', label: 'Side by side' },
  { id: 'groups', label: 'Claim groups' },
  { id: 'matrix', label: 'Matrix' },
];

export function App() {
  const view = useStore(uiStore, (s) => s.view);
  const libraryCollapsed = useStore(uiStore, (s) => s.libraryCollapsed);
  const inspectorCollapsed = useStore(uiStore, (s) => s.inspectorCollapsed);
  const [pendingQuote, setPendingQuote] = useState<PendingSpan | null>(null);
  const [pasting, setPasting] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    seedOnFirstRun()
      .then(restoreUiState)
      .catch((e) => setFatal(startupProblem(e)));
  }, []);

  const commands = useMemo(
    () => ({
      askSpeaker: setPendingQuote,
      openPaste: () => setPasting(true),
      onMenu: handleBundleMenu,
    }),
    [],
  );
  useAppKeys(commands);

  if (fatal) {
    return (
      <div className="fatal" role="alert" data-testid="fatal">
        <h1>Corroborate cannot open its local database</h1>
        <p>{fatal}</p>
      </div>
    );
  }

  const tag = async (kind: 'claim' | 'quote') => {
    const span = await readPendingSpan();
    if (!span) return;
    if (kind === 'quote') setPendingQuote(span);
    else await tagSpan(span, 'claim');
  };

  return (
    <DropZone>
      <div className={libraryCollapsed ? 'app library-collapsed' : 'app'}>
        {!libraryCollapsed && <LibrarySidebar onPaste={() => setPasting(true)} />}
        <main className="main">
          <div className="topbar">
            <button
              type="button"
              className="panel-toggle"
              data-testid="toggle-library"
              aria-expanded={!libraryCollapsed}
              title={`${libraryCollapsed ? 'Show' : 'Hide'} the library (Ctrl/Cmd+B)`}
              onClick={() => void togglePanel('library').catch((e) => reportError('Library', e))}
            >
              <span aria-hidden>{libraryCollapsed ? '»' : '«'}</span> Library
            </button>
            <div className="tabs" role="tablist" aria-label="Views">
              {VIEWS.map((v) => (
                <button
                  key={v.id}
                  type="button"
                  role="tab"
                  aria-selected={view === v.id}
                  className={view === v.id ? 'tab active' : 'tab'}
                  onClick={() =>
                    void updateUi({ view: v.id }).catch((e) => reportError('Switching view', e))
                  }
                >
                  {v.label}
                </button>
              ))}
            </div>
            <BundleActions />
            <button
              type="button"
              className="panel-toggle"
              data-testid="toggle-inspector"
              aria-expanded={!inspectorCollapsed}
              title={`${inspectorCollapsed ? 'Show' : 'Hide'} the annotation panel (Ctrl/Cmd+Alt+B)`}
              onClick={() => void togglePanel('inspector').catch((e) => reportError('Panel', e))}
            >
              Panel <span aria-hidden>{inspectorCollapsed ? '«' : '»'}</span>
            </button>
          </div>
          <div className="view">
            {view === 'read' && <ReadingView />}
            {view === 'review' && <ReviewView />}
            {view === 'groups' && <GroupsView />}
            {view === 'matrix' && <MatrixView />}
          </div>
        </main>
      </div>
      <SelectionToolbar onTag={(kind) => void tag(kind)} />
      {pendingQuote && (
        <SpeakerDialog
          excerpt={pendingQuote.text}
          onClose={() => setPendingQuote(null)}
          onConfirm={(speaker) => {
            const span = pendingQuote;
            setPendingQuote(null);
            void tagSpan(span, 'quote', speaker);
          }}
        />
      )}
      {pasting && <PasteDialog onClose={() => setPasting(false)} />}
      <Toasts />
    </DropZone>
  );
}
