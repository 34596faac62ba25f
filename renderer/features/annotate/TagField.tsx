import { useId, useState } from 'react';
import { normalizeTags } from './annotationFilter';

/**
 * Free tags on an annotation: type and press Enter (or a comma) to add, with the workspace's tags
 * offered as you type; × removes one. Each add or remove is one undoable edit.
 */
export function TagField({
  tags,
  known,
  onFocus,
  onChange,
}: {
  tags: readonly string[];
  known: readonly string[];
  /** When the editor enters the field (the inspector loads the workspace's tags then). */
  onFocus?: () => void;
  onChange: (tags: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const next = normalizeTags([...tags, ...raw.split(',')]);
    if (next.length !== tags.length) onChange(next);
    setDraft('');
  };
  return (
    <div className="tag-field" data-testid="tag-field" onFocus={onFocus}>
      <span className="tag-field-label" id={`${listId}-label`}>
        Tags
      </span>
      <ul className="tag-chips" aria-labelledby={`${listId}-label`}>
        {tags.map((t) => (
          <li key={t} className="tag-chip" data-testid="tag-chip">
            <span>{t}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${t}`}
              onClick={() => onChange(tags.filter((x) => x !== t))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        data-testid="tag-input"
        aria-label="Add a tag"
        placeholder="Add a tag…"
        list={listId}
        value={draft}
        onChange={(e) => {
          const v = e.target.value;
          if (v.endsWith(',')) add(v);
          else setDraft(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={listId}>
        {known
          .filter((t) => !tags.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
    </div>
  );
}
