import { useState } from 'react';
import type { Suggestion } from '../../../shared/matching';
import { notify, reportError } from '../../components/toasts';
import { runUndo } from '../../app/useAppKeys';
import { linkIntoGroup } from './groupOps';

/**
 * A side-by-side column that holds no member of the focused claim group (issue 7, item 5: "not
 * linked" is not "absent"): while the matching worker looks, say so; when a sentence here scores
 * above the calibrated cut, show it with a one-click "Link" that tags it and adds it to the
 * group (one undo step); only when nothing does, "not in this article".
 */
export function ColumnLikely({
  groupId,
  likely,
}: {
  groupId: string;
  /** undefined: the worker has not answered; null: nothing above the cut in this article. */
  likely: Suggestion | null | undefined;
}) {
  const [busy, setBusy] = useState(false);
  if (likely === undefined) {
    return (
      <div className="column-status missing" data-testid="column-looking" role="status">
        Looking for this claim in this article…
      </div>
    );
  }
  if (likely === null) {
    return (
      <div className="column-status missing" data-testid="column-missing">
        Not in this article: no sentence here is a likely match.
      </div>
    );
  }
  const link = () => {
    setBusy(true);
    linkIntoGroup(groupId, likely)
      .then(() => notify('info', 'Linked.', { label: 'Undo', run: () => void runUndo('undo') }))
      .catch((e) => reportError('Linking', e))
      .finally(() => setBusy(false));
  };
  const percent = Math.round(likely.score * 100);
  return (
    <div className="column-status column-likely cell-likely" data-testid="column-likely">
      <span className="column-likely-head">
        ◌ Likely here ({percent}%), not linked yet
        <button
          type="button"
          className="small"
          data-testid="column-likely-link"
          disabled={busy}
          title="Tag this sentence and link it into the claim group (undo with Ctrl/Cmd+Z)"
          onClick={link}
        >
          Link
        </button>
      </span>
      <q className="column-likely-text" data-testid="column-likely-text" title={likely.text}>
        {likely.text}
      </q>
    </div>
  );
}
