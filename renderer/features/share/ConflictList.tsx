import { useState } from 'react';
import type { Conflict } from '../../../shared/sync/storyDoc';
import type { Scalar } from '../../../shared/sync/writes';

const show = (v: Scalar) => (v === null ? '(none)' : String(v));
const when = (at: number) => new Date(at).toLocaleString();

/**
 * Conflicts side by side: each editor's value with who and when; keep one or write a third.
 * A delete that crossed someone's edit offers Restore or Delete anyway.
 */
export function ConflictList({
  conflicts,
  readOnly,
  onResolve,
}: {
  conflicts: Conflict[];
  readOnly: boolean;
  onResolve: (c: Conflict, value: Scalar) => void;
}) {
  if (conflicts.length === 0) {
    return <p className="share-empty">No conflicts: every edit merged.</p>;
  }
  return (
    <ul className="conflicts" data-testid="conflicts">
      {conflicts.map((c) => (
        <li key={`${c.table}/${c.row}/${c.kind === 'field' ? c.field : 'deleted'}`}>
          {c.kind === 'field' ? (
            <FieldConflict conflict={c} readOnly={readOnly} onResolve={onResolve} />
          ) : (
            <div className="conflict">
              <p>
                {c.deletes[0]?.by ?? 'Someone'} deleted this {c.table.slice(0, -1)} while{' '}
                {[...new Set(c.edits.map((e) => e.by ?? 'someone'))].join(', ')} edited it (
                {c.edits.map((e) => e.field).join(', ')}).
              </p>
              {!readOnly && (
                <div className="conflict-actions">
                  <button type="button" onClick={() => onResolve(c, null)}>
                    Restore
                  </button>
                  <button type="button" className="danger" onClick={() => onResolve(c, Date.now())}>
                    Delete anyway
                  </button>
                </div>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function FieldConflict({
  conflict,
  readOnly,
  onResolve,
}: {
  conflict: Extract<Conflict, { kind: 'field' }>;
  readOnly: boolean;
  onResolve: (c: Conflict, value: Scalar) => void;
}) {
  const [third, setThird] = useState('');
  return (
    <div className="conflict" data-testid="conflict">
      <p className="conflict-field">
        {conflict.field} of {conflict.table.slice(0, -1)} {conflict.row.slice(0, 8)}
      </p>
      <div className="conflict-values">
        {conflict.heads.map((h) => (
          <div key={h.id} className="conflict-value">
            <strong>{show(h.value)}</strong>
            <span className="muted">
              {h.by ?? 'local'} · {when(h.at)}
            </span>
            {!readOnly && (
              <button type="button" onClick={() => onResolve(conflict, h.value)}>
                Keep this
              </button>
            )}
          </div>
        ))}
      </div>
      {!readOnly && typeof conflict.heads[0]?.value === 'string' && (
        <form
          className="conflict-third"
          onSubmit={(e) => {
            e.preventDefault();
            if (third.trim()) onResolve(conflict, third.trim());
          }}
        >
          <input
            aria-label="Another value"
            placeholder="Or write another value"
            value={third}
            onChange={(e) => setThird(e.target.value)}
          />
          <button type="submit" disabled={!third.trim()}>
            Use
          </button>
        </form>
      )}
    </div>
  );
}
