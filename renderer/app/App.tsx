import { useEffect, useMemo, useState } from 'react';
import { prewarmBundleWorker } from '../features/bundle/bundleWorkerClient';
import { useStore } from '../state/createStore';
import { restoreUiState, uiStore, updateUi, type MainView } from '../state/uiState';
import './layout.css';
import { Toasts } from '../components/Toasts';
import { ChangeProgressDialog } from '../features/changes/ChangeProgressDialog';
import { reportError } from '../components/toasts';
import { LibrarySidebar } from '../features/library/LibrarySidebar';
import { PasteDialog } from '../features/library/PasteDialog';
import { OpenUrlDialog } from '../features/library/OpenUrlDialog';
import { ImportProgress } from '../features/library/ImportProgress';
import { ShareActions } from '../features/share/ShareActions';
import { seedOnFirstRun } from '../features/library/seedArticles';
import { ReadingView } from '../features/annotate/ReadingView';
import { SelectionToolbar } from '../features/annotate/SelectionToolbar';
import { SpeakerDialog } from '../features/annotate/SpeakerDialog';
import { readPendingSpan, tagSpan, type PendingSpan } from '../features/annotate/tagSelection';
import { ReviewView } from '../features/review/ReviewView';
import { GroupsView } from '../features/review/GroupsView';
import { MatrixView } from '../features/review/MatrixView';
import { BUNDLE_COMMANDS, BundleActions } from '../features/bundle/BundleActions';
import { registerCommands, runCommand, type Command } from '../commands/registry';
import { DropZone } from './DropZone';
import { useAppKeys } from './useAppKeys';
import { startupProblem } from './startup';

const VIEWS: { id: MainView; label: string; command: string }[] = [
  { id: 'read', label: 'Read', command: 'view-read' },
  // 'review' is also the Electron menu's "Side-by-side review".
  { id: 'review', label: 'Side by side', command: 'review' },
  { id: 'groups', label: 'Claim groups', command: 'view-groups' },
  { id: 'matrix', label: 'Matrix', command: 'view-matrix' },
];

/** Mod+1…Mod+4 switch views, as the tabs do. */
const VIEW_COMMANDS: Command[] = VIEWS.map((v, i) => ({
  id: v.command,
  label: `Show ${v.label}`,
  keys: [`Mod+${i + 1}`],
  inFields: true,
  run: () => updateUi({ view: v.id }).catch((e) => reportError('Switching view', e)),
}));

export function App() {
  const view = useStore(uiStore, (s) => s.view);
  const libraryCollapsed = useStore(uiStore, (s) => s.libraryCollapsed);
  const inspectorCollapsed = useStore(uiStore, (s) => s.inspectorCollapsed);
  const [pendingQuote, setPendingQuote] = useState<PendingSpan | null>(null);
  const [pasting, setPasting] = useState(false);
  const [openingUrl, setOpeningUrl] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    seedOnFirstRun()
      .then(restoreUiState)
      .then(() => setTimeout(prewarmBundleWorker, 1_000))
      .catch((e) => setFatal(startupProblem(e)));
  }, []);

  const commands = useMemo(
    () => ({
      askSpeaker: setPendingQuote,
      openPaste: () => setPasting(true),
      openUrl: () => setOpeningUrl(true),
    }),
    [],
  );
  useAppKeys(commands);
  useEffect(() => registerCommands([...BUNDLE_COMMANDS, ...VIEW_COMMANDS]), []);

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
              onClick={() => runCommand('toggle-library')}
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
                  title={`${v.label} (Ctrl+${VIEWS.indexOf(v) + 1})`}
                  onClick={() => runCommand(v.command)}
                >
                  {v.label}
                </button>
              ))}
            </div>
            <BundleActions />
            <ShareActions />
            <button
              type="button"
              className="panel-toggle"
              data-testid="toggle-inspector"
              aria-expanded={!inspectorCollapsed}
              title={`${inspectorCollapsed ? 'Show' : 'Hide'} the annotation panel (Ctrl/Cmd+Alt+B)`}
              onClick={() => runCommand('toggle-inspector')}
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
      {openingUrl && <OpenUrlDialog onClose={() => setOpeningUrl(false)} />}
      <ImportProgress />
      <Toasts />
      <ChangeProgressDialog />
    </DropZone>
  );
}
