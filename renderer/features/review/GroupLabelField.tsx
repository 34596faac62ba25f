import { useState } from 'react';
import type { ClaimGroup } from '../../../shared/model/types';
import { reportError } from '../../components/toasts';
import { renameGroup } from './groupOps';

/** The group's label, editable in place; Enter or leaving the field saves, Esc cancels. */
export function GroupLabelField({ group }: { group: ClaimGroup }) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? group.label;
  const commit = () => {
    if (draft !== null && draft.trim() !== group.label) {
      void renameGroup(group.id, draft).catch((e) => reportError('Renaming the group', e));
    }
    setDraft(null);
  };
  return (
    <input
      className="group-label-input"
      data-testid="group-label"
      aria-label="Group label (empty restores the default)"
      title={group.labelEdited ? 'Renamed by you' : 'From the first member; type to rename'}
      value={value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') {
          e.stopPropagation();
          setDraft(null);
        }
      }}
    />
  );
}
