import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { knownSpeakers } from './annotationOps';

/** Asks who is quoted, offering the speakers already used in the workspace. */
export function SpeakerDialog({
  excerpt,
  onConfirm,
  onClose,
}: {
  excerpt: string;
  onConfirm: (speaker: string | null) => void;
  onClose: () => void;
}) {
  const [speaker, setSpeaker] = useState('');
  const [speakers, setSpeakers] = useState<string[]>([]);
  useEffect(() => {
    void knownSpeakers().then(setSpeakers);
  }, []);
  return (
    <Dialog title="Tag quote" onClose={onClose} testId="speaker-dialog">
      <blockquote className="excerpt">
        {excerpt.length > 240 ? `${excerpt.slice(0, 240)}…` : excerpt}
      </blockquote>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(speaker.trim() || null);
        }}
      >
        <label>
          Speaker
          <input
            autoFocus
            list="known-speakers"
            value={speaker}
            placeholder="Who said it? (Enter to save, Esc to cancel)"
            onChange={(e) => setSpeaker(e.target.value)}
            data-testid="speaker-input"
          />
        </label>
        <datalist id="known-speakers">
          {speakers.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {speakers.length > 0 && (
          <div className="chips" aria-label="Speakers used before">
            {speakers.slice(0, 6).map((s) => (
              <button type="button" key={s} className="chip" onClick={() => onConfirm(s)}>
                {s}
              </button>
            ))}
          </div>
        )}
        <DialogActions onCancel={onClose} label="Tag quote" submit />
      </form>
    </Dialog>
  );
}
