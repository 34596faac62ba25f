import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/types';
import { deleteAnnotations, updateAnnotation, type AnnotationPatch } from './annotationOps';
import { knownSpeakers } from './annotationOps';
import { selectAnnotation } from '../../state/uiState';
import { notify, reportError } from '../../components/toasts';
import { undo } from '../../state/history';
import { LinkSection } from '../review/LinkSection';
import { TagField } from './TagField';
import { tagsInUse } from './annotationFilter';
import { liveAnnotations } from '../../db/queries';

const NOTE_IDLE_MS = 800;

/** The side panel for one annotation: kind, speaker, tags, note, times; edit or delete. */
export function AnnotationInspector({ annotation }: { annotation: Annotation }) {
  // Drafts exist only while the editor types; otherwise the fields show the stored values,
  // so undo/redo and other views are reflected at once.
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [draftSpeaker, setDraftSpeaker] = useState<string | null>(null);
  const [speakers, setSpeakers] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const note = draftNote ?? annotation.note;
  const speaker = draftSpeaker ?? annotation.speaker ?? '';

  // Tags already used anywhere in the workspace, offered as the editor types.
  // Read when the editor first goes to the tag field (again for each annotation, so new tags
  // show), not on every selection: it reads every annotation of the workspace, seconds of work
  // with 100,000 of them.
  const [known, setKnown] = useState<{ id: string; tags: string[] } | null>(null);
  const knownTags = known?.id === annotation.id ? known.tags : null;
  const loadKnownTags = () => {
    const id = annotation.id;
    if (knownTags === null)
      void liveAnnotations().then((rows) => setKnown({ id, tags: tagsInUse(rows) }));
  };
  useEffect(() => {
    void knownSpeakers().then(setSpeakers);
  }, [annotation.id]);

  const save = (patch: AnnotationPatch, label: string) =>
    updateAnnotation(annotation.id, patch, label).catch((e) => reportError(label, e));

  const flushNote = (value: string, done: boolean) => {
    clearTimeout(timer.current);
    if (value !== annotation.note) void save({ note: value }, 'Edit note');
    if (done) setDraftNote(null);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <section
      className="inspector"
      aria-label="Annotation"
      data-testid="inspector"
      data-annotation-id={annotation.id}
    >
      <header className="inspector-head">
        <span className={`kind-badge kind-${annotation.kind}`}>{annotation.kind}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => selectAnnotation(null)}
          aria-label="Close annotation (Esc)"
        >
          Close
        </button>
      </header>
      <blockquote className="excerpt" data-testid="inspector-text">
        {annotation.quote.exact}
      </blockquote>
      <fieldset className="kind-choice">
        <legend>Kind</legend>
        {(['claim', 'quote'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={`kind-${annotation.id}`}
              checked={annotation.kind === kind}
              onChange={() => void save({ kind }, `Make ${kind}`)}
            />
            {kind === 'claim' ? 'Claim' : 'Quote'}
          </label>
        ))}
      </fieldset>
      {annotation.kind === 'quote' && (
        <label>
          Speaker
          <input
            data-field="speaker"
            data-testid="inspector-speaker"
            list="inspector-speakers"
            value={speaker}
            onChange={(e) => setDraftSpeaker(e.target.value)}
            onBlur={() => {
              if ((speaker.trim() || null) !== annotation.speaker)
                void save({ speaker }, 'Edit speaker');
              setDraftSpeaker(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
          <datalist id="inspector-speakers">
            {speakers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
      )}
      <TagField
        tags={annotation.tags}
        known={knownTags ?? []}
        onFocus={loadKnownTags}
        onChange={(tags) => void save({ tags }, 'Edit tags')}
      />
      <label>
        Note
        <textarea
          data-field="note"
          data-testid="inspector-note"
          rows={4}
          value={note}
          placeholder="Why this matters, what to check…"
          onChange={(e) => {
            const value = e.target.value;
            setDraftNote(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => flushNote(value, false), NOTE_IDLE_MS);
          }}
          onBlur={(e) => flushNote(e.target.value, true)}
        />
      </label>
      <dl className="times">
        <dt>Created</dt>
        <dd>{new Date(annotation.createdAt).toLocaleString()}</dd>
        <dt>Updated</dt>
        <dd data-testid="inspector-updated">{new Date(annotation.updatedAt).toLocaleString()}</dd>
      </dl>
      <LinkSection annotation={annotation} />
      <button
        type="button"
        className="danger"
        data-testid="inspector-delete"
        onClick={() =>
          void deleteAnnotations([annotation.id])
            .then(() => {
              selectAnnotation(null);
              notify('info', 'Annotation deleted.', { label: 'Undo', run: () => void undo() });
            })
            .catch((e) => reportError('Deleting the annotation', e))
        }
      >
        Delete annotation <kbd>Del</kbd>
      </button>
    </section>
  );
}
