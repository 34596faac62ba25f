import { Dialog } from '../../components/Dialog';
import { useStore } from '../../state/createStore';
import { changeTaskStore, SHOWN_FROM, type ChangeTask } from './changeTask';

const STAGE: Record<ChangeTask['stage'], string> = {
  starting: 'Starting…',
  reading: 'Reading rows',
  recording: 'Keeping their values for undo',
  writing: 'Saving',
  cancelling: 'Cancelling: rolling back…',
};

const count = (n: number) => n.toLocaleString('en');

/**
 * Progress of a long change, with real counts. Cancel works until the last write is sent: the
 * change is one transaction, so stopping it before then leaves the workspace exactly as it was;
 * after that the database commits it on its own, and the dialog says so.
 */
export function ChangeProgressDialog() {
  const task = useStore(changeTaskStore, (t) => t);
  if (!task || task.total <= SHOWN_FROM) return null;
  const { done, total } = task;
  return (
    <Dialog title={task.title} onClose={() => task.cancel?.()} testId="change-progress">
      <p className="hint" aria-live="polite" data-testid="change-progress-stage">
        {STAGE[task.stage]}
        {task.stage !== 'cancelling' && `: ${count(done)} of ${count(total)} rows`}
      </p>
      <progress max={Math.max(1, total)} value={Math.min(done, total)} />
      <p className="hint">
        {task.cancel
          ? 'Nothing is changed until it is all saved; Cancel leaves everything as it was.'
          : task.stage === 'cancelling'
            ? 'Nothing will be changed.'
            : 'The last rows are being saved: it can no longer be cancelled. One undo reverts it.'}
      </p>
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="change-cancel"
          disabled={!task.cancel}
          onClick={task.cancel ?? undefined}
        >
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
