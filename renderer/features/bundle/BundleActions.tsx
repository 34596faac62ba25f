import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { runCommand, type Command } from '../../commands/registry';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { notify, reportError } from '../../components/toasts';
import { db } from '../../db/database';
import { useStore } from '../../state/createStore';
import { openArticle } from '../../state/uiState';
import { runUndo } from '../../app/useAppKeys';
import { bundleStore, setBundleUi } from './bundleStore';
import { runImportFromDialog } from './bundleCommands';
import { ExportDialog } from './ExportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { ProgressDialog } from './ProgressDialog';
import { ReanchorPanel } from './ReanchorPanel';
import { wipeWorkspace } from './wipeWorkspace';
import { withChangeProgress } from '../changes/changeTask';
import { ChangeCancelled } from '../../db/changes';
import { StorageDialog } from './StorageDialog';
import { requestPersistence } from './storageSpace';

/**
 * Top-bar actions for moving work in and out: Export… (Ctrl+E), Import bundle…, Wipe…, and
 * the badge of imported annotations waiting to be placed. Renders the dialogs they open.
 */
export function BundleActions() {
  const ui = useStore(bundleStore, (s) => s);
  const queued = useLiveQuery(() => db.reanchorQueue.count(), []);
  useEffect(() => {
    void requestPersistence().then((persistence) => setBundleUi({ persistence }));
  }, []);

  return (
    <div className="bundle-actions">
      {!!queued && (
        <button
          type="button"
          className="reanchor-badge"
          data-testid="reanchor-badge"
          aria-pressed={ui.reviewOpen}
          title="Imported annotations that need you to confirm where they belong"
          onClick={() => setBundleUi({ reviewOpen: !ui.reviewOpen })}
        >
          To place <span className="count">{queued}</span>
        </button>
      )}
      <button
        type="button"
        data-testid="export-open"
        title="Export a bundle, JSON-LD, CSV or an HTML report (Ctrl+E)"
        onClick={() => runCommand('export-bundle')}
      >
        Export…
      </button>
      <button
        type="button"
        data-testid="import-bundle"
        title="Import a .corroborate bundle"
        onClick={() => runCommand('import-bundle')}
      >
        Import bundle…
      </button>
      <button
        type="button"
        data-testid="wipe-open"
        title="Remove every article and annotation (undoable)"
        onClick={() => setBundleUi({ wipeOpen: true })}
      >
        Wipe…
      </button>
      <button
        type="button"
        data-testid="storage-open"
        title="How much space the workspace uses and whether the browser keeps it"
        onClick={() => setBundleUi({ storageOpen: true })}
      >
        Storage…
      </button>

      {ui.exportOpen && <ExportDialog onClose={() => setBundleUi({ exportOpen: false })} />}
      {ui.wipeOpen && <WipeDialog onClose={() => setBundleUi({ wipeOpen: false })} />}
      {ui.storageOpen && (
        <StorageDialog
          persistence={ui.persistence}
          onClose={() => setBundleUi({ storageOpen: false })}
        />
      )}
      {ui.task && <ProgressDialog task={ui.task} />}
      {ui.report && !ui.task && (
        <ImportReportDialog
          report={ui.report}
          onClose={() => setBundleUi({ report: null })}
          onReview={() => setBundleUi({ report: null, reviewOpen: true })}
        />
      )}
      {ui.reviewOpen && <ReanchorPanel onClose={() => setBundleUi({ reviewOpen: false })} />}
    </div>
  );
}

function WipeDialog({ onClose }: { onClose: () => void }) {
  const wipe = async () => {
    onClose();
    try {
      const rows = await withChangeProgress('Wiping the workspace', wipeWorkspace);
      await openArticle(null);
      notify('info', `Workspace wiped (${rows} items removed).`, {
        label: 'Undo',
        run: () => void runUndo('undo'),
      });
    } catch (e) {
      if (e instanceof ChangeCancelled) notify('info', 'Wipe cancelled: nothing was removed.');
      else reportError('Wiping the workspace', e);
    }
  };
  return (
    <Dialog title="Wipe the workspace?" onClose={onClose} testId="wipe-dialog">
      <p>
        This removes every article, annotation and claim group. You can undo it right after; to keep
        a copy, export a bundle first.
      </p>
      <DialogActions
        onCancel={onClose}
        label="Wipe workspace"
        onConfirm={() => void wipe()}
        tone="danger"
        testId="wipe-confirm"
        focusCancel
      />
    </Dialog>
  );
}

/** This feature's commands (keys, the Electron menu and its buttons run them). */
export const BUNDLE_COMMANDS: Command[] = [
  {
    id: 'export-bundle',
    label: 'Export…',
    keys: ['Mod+E'],
    inFields: true,
    run: () => setBundleUi({ exportOpen: true }),
  },
  { id: 'import-bundle', label: 'Import bundle…', run: () => runImportFromDialog() },
];
