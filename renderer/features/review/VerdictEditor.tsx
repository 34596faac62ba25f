import { useState } from 'react';
import type { GroupStatus } from '../../../shared/model/types';
import { statusWords, STATUSES } from '../../../shared/summary';
import { reportError } from '../../components/toasts';
import type { GroupSummary } from './groupModel';
import { setGroupFacts } from './groupOps';
import { useRatingScale } from './workspaceSettings';
import './verdict.css';

/**
 * The editor's conclusion on a group: verdict (from the workspace's rating scale), status
 * (open → checking → resolved), reasoning and, for a conflict, the resolution note. Each change is
 * one undoable step; text fields save when they lose focus (or Ctrl/Cmd+Enter).
 */
export function VerdictEditor({ summary }: { summary: GroupSummary }) {
  const scale = useRatingScale();
  const id = summary.group.id;
  const save = (patch: Parameters<typeof setGroupFacts>[1]) =>
    void setGroupFacts(id, patch, scale).catch((e) => reportError('Saving the verdict', e));
  // A verdict set before the scale was edited still shows, marked as off the scale.
  const options =
    summary.verdict && !scale.includes(summary.verdict) ? [...scale, summary.verdict] : scale;
  return (
    <div className="verdict-editor" data-testid="verdict-editor">
      <label className="verdict-field">
        <span>Verdict</span>
        <select
          data-testid="verdict-select"
          value={summary.verdict ?? ''}
          onChange={(e) => save({ verdict: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Not rated</option>
          {options.map((v) => (
            <option key={v} value={v}>
              {v}
              {scale.includes(v) ? '' : ' (not on the scale)'}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="status-field" data-testid="status-field">
        <legend>Status</legend>
        {STATUSES.map((s: GroupStatus) => (
          <label key={s} className={summary.status === s ? 'checked' : undefined}>
            <input
              type="radio"
              name={`status-${id}`}
              value={s}
              checked={summary.status === s}
              onChange={() => save({ status: s })}
            />
            {statusWords(s)}
          </label>
        ))}
      </fieldset>
      <NoteField
        label="Reasoning"
        testId="reasoning"
        value={summary.reasoning}
        placeholder="Why this verdict: sources checked, what they show"
        onSave={(reasoning) => save({ reasoning })}
      />
      {(summary.conflicting || summary.resolution) && (
        <NoteField
          label="Resolution of the conflict"
          testId="resolution"
          value={summary.resolution}
          placeholder="e.g. the 167 covers the whole LA area office, the 101 the city"
          onSave={(resolution) => save({ resolution })}
        />
      )}
    </div>
  );
}

function NoteField({
  label,
  testId,
  value,
  placeholder,
  onSave,
}: {
  label: string;
  testId: string;
  value: string;
  placeholder: string;
  onSave: (text: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trimEnd() !== value) onSave(draft);
    setDraft(null);
  };
  return (
    <label className="note-field">
      <span>{label}</span>
      <textarea
        data-testid={testId}
        rows={2}
        value={draft ?? value}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.target as HTMLElement).blur();
          if (e.key === 'Escape') {
            e.stopPropagation();
            setDraft(null);
          }
        }}
      />
    </label>
  );
}
