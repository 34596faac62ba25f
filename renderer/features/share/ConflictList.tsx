import { useState } from 'react';
import type { Conflict } from '../../../shared/sync/storyDoc';
import { describeCrossedEdits } from '../../../shared/sync/describeConflict';
import type { Scalar } from '../../../shared/sync/writes';
import type { ShownConflict } from '../../sync/session';

const show = (v: Scalar) => (v === null ? '(none)' : String(v));
const when = (at: number) => new Date(at).toLocaleString();

/**
 * Conflicts side by side: each editor's value with who and when; keep one or write a third.
 * A delete that crossed someone's edit offers Restore or Delete anyway; a group left empty while
 * someone edited it offers Keep the group (its last claims linked back) or Accept the removal.
 */
export function ConflictList({
  conflicts,
  readOnly,
  onResolve,
}: {
  conflicts: ShownConflict[];
  readOnly: boolean;
  onResolve: (c: Conflict, value: Scalar) => void;
}) {
  if (conflicts.length === 0) {
    return <p className="share-empty">No conflicts: every edit merged.</p>;
  }
  return (
    <ul className="conflicts" data-testid="conflicts">
      {conflicts.map(({ conflict: c, subject, detail }) => (
        <li key={`${c.table}/${c.row}/${c.kind === 'field' ? c.field : c.kind}`}>
          {c.kind === 'field' ? (
            <FieldConflict
              conflict={c}
              subject={subject}
              readOnly={readOnly}
              onResolve={onResolve}
            />
          ) : c.kind === 'emptied-while-edited' ? (
            <div className="conflict" data-testid="conflict">
              <p className="conflict-field">{subject}</p>
              <p>
                {detail}. Keep the group to link its last{' '}
                {c.members.length > 1 ? 'claims' : 'claim'} back with that work, or accept its
                removal.
              </p>
              {!readOnly && (
                <div className="conflict-actions">
                  <button type="button" onClick={() => onResolve(c, null)}>
                    Keep the group
                  </button>
                  <button type="button" className="danger" onClick={() => onResolve(c, Date.now())}>
                    Accept the removal
                  </button>
                </div>
              )}
            </div>
          ) : (
            <div className="conflict" data-testid="conflict">
              <p className="conflict-field">{subject}</p>
              <p>
                {[...new Set(c.deletes.map((d) => d.by ?? 'Someone'))].join(', ')} deleted it while{' '}
                {describeCrossedEdits(c.edits)}. Restore it to keep that work, or delete it anyway.
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
  subject,
  readOnly,
  onResolve,
}: {
  conflict: Extract<Conflict, { kind: 'field' }>;
  subject: string;
  readOnly: boolean;
  onResolve: (c: Conflict, value: Scalar) => void;
}) {
  const [third, setThird] = useState('');
  return (
    <div className="conflict" data-testid="conflict">
      <p className="conflict-field">
        {conflict.field.startsWith('tag:') ? `tag “${conflict.field.slice(4)}”` : conflict.field} of{' '}
        {subject}
      </p>
      <div className="conflict-values">
        {conflict.heads.map((h) => (
          <div key={h.id} className="conflict-value" data-testid="conflict-value">
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
