import { Dialog } from '../../components/Dialog';
import type { BundleTask } from './bundleStore';

/**
 * Progress of a long export or import, with Cancel while cancelling can still undo it all.
 * A total of 0 means the end is not known yet.
 */
export function ProgressDialog({ task }: { task: BundleTask }) {
  const cancel = task.cancel;
  return (
    <Dialog title={task.title} onClose={() => cancel?.()} testId="task-progress">
      <p className="hint" aria-live="polite">
        {task.phase}
      </p>
      {task.total > 0 ? (
        <>
          <progress max={task.total} value={Math.min(task.done, task.total)} />
          <p className="hint">
            {Math.floor((100 * Math.min(task.done, task.total)) / task.total)} %
          </p>
        </>
      ) : (
        // No known end (a download without Content-Length): an indeterminate bar, no percentage.
        <progress />
      )}
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="task-cancel"
          disabled={!cancel}
          onClick={cancel ?? undefined}
        >
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
