import { useState } from 'react';
import type { Article } from '../../../shared/model/types';
import {
  SOURCE_FIELD_LABELS,
  sourceFieldText,
  type SourceField,
} from '../../../shared/text/sourceFields';
import { notify, reportError } from '../../components/toasts';
import { undo } from '../../state/history';
import { platform } from '../../platform/platform';
import { editSourceField } from './sourceOps';
import './sourceFields.css';

const FIELDS: { field: SourceField; placeholder: string; type?: string }[] = [
  { field: 'source', placeholder: 'Outlet, e.g. LA Times' },
  { field: 'title', placeholder: 'Headline' },
  { field: 'authors', placeholder: 'Names, separated by commas' },
  { field: 'date', placeholder: 'YYYY-MM-DD' },
  { field: 'url', placeholder: 'https://…', type: 'url' },
  { field: 'language', placeholder: 'e.g. en, fr, en-GB' },
];

/**
 * The open article's source record, editable in place: Enter or leaving a field saves it as one
 * undoable change, Esc restores it, and a value that does not parse stays in the field with the
 * reason beside it (nothing is saved).
 */
export function SourceFields({ article }: { article: Article }) {
  return (
    <section className="source-fields" aria-label="Source" data-testid="source-fields">
      <h2 className="source-fields-title">Source</h2>
      {FIELDS.map((f) => (
        <SourceFieldInput key={`${article.id}:${f.field}`} article={article} {...f} />
      ))}
    </section>
  );
}

function SourceFieldInput({
  article,
  field,
  placeholder,
  type = 'text',
}: {
  article: Article;
  field: SourceField;
  placeholder: string;
  type?: string;
}) {
  const saved = sourceFieldText(article, field);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = SOURCE_FIELD_LABELS[field];
  const id = `source-${field}`;
  const commit = async () => {
    if (draft === null || draft.trim() === saved) {
      setDraft(null);
      setError(null);
      return;
    }
    try {
      const refused = await editSourceField(article.id, field, draft);
      if (refused) {
        setError(refused);
        return;
      }
      setDraft(null);
      setError(null);
      notify('info', `${label} saved.`, { label: 'Undo', run: () => void undo() });
    } catch (e) {
      reportError(`Saving the ${label.toLowerCase()}`, e);
    }
  };
  return (
    <div className="source-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        data-testid={id}
        value={draft ?? saved}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {field === 'url' && draft === null && article.url && (
        <button
          type="button"
          className="source-field-open"
          title={`Open ${article.url} in your browser`}
          onClick={() =>
            void platform
              .openLink({ url: article.url! })
              .catch((e) => reportError('Opening the address', e))
          }
        >
          Open original in browser
        </button>
      )}
      {error && (
        <p className="source-field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
