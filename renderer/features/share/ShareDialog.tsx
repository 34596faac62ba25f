import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { useStore } from '../../state/createStore';
import { ConflictList } from './ConflictList';
import { joinStory, leaveStory, shareStore } from './shareSession';
import { lastSyncedText, statusText } from './SyncStatusBadge';
import './share.css';
import { useLiveArticles } from '../../state/liveArticles';

/** "Share story…": join with an address and token, or see the story's people and conflicts. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { session, status } = useStore(shareStore, (s) => s);
  return (
    <Dialog
      title={session ? `Story: ${session.story.title}` : 'Share story…'}
      onClose={onClose}
      testId="share-dialog"
    >
      {session && status ? (
        <div className="share-panel">
          <p data-testid="share-status">
            {statusText(status)} · {lastSyncedText(status)}
            {status.refusal && <span className="error"> — {status.refusal}</span>}
          </p>
          <h3>On the story now</h3>
          <ul className="share-people" data-testid="share-people">
            {status.people.map((p) => (
              <li key={p.name}>
                {p.name}
                {p.name === session.story.editor ? ' (you)' : ''}
                {p.role === 'viewer' ? ' · viewer' : ''}
              </li>
            ))}
          </ul>
          <h3>Conflicts</h3>
          <ConflictList
            conflicts={session.conflicts()}
            readOnly={session.story.role === 'viewer'}
            onResolve={(c, v) => void session.resolve(c, v)}
          />
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={() => void leaveStory()}>
              Leave story
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <JoinForm onClose={onClose} />
      )}
    </Dialog>
  );
}

function JoinForm({ onClose }: { onClose: () => void }) {
  const articles = useLiveArticles()?.list;
  const [address, setAddress] = useState('ws://127.0.0.1:1234');
  const [token, setToken] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form
      className="share-panel"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        joinStory(address, token, [...chosen]).then(
          () => setBusy(false),
          (err: unknown) => {
            setBusy(false);
            setError(err instanceof Error ? err.message : String(err));
          },
        );
      }}
    >
      <label>
        Server address
        <input
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          data-testid="share-server"
        />
      </label>
      <label>
        Access token
        <textarea
          value={token}
          onChange={(e) => setToken(e.target.value)}
          rows={3}
          data-testid="share-token"
        />
      </label>
      <fieldset className="share-articles">
        <legend>Articles to share into the story</legend>
        {articles?.length === 0 && (
          <p className="share-empty">No articles yet: you can join and receive the team’s.</p>
        )}
        {articles?.map((a) => (
          <label key={a.id}>
            <input type="checkbox" checked={chosen.has(a.id)} onChange={() => toggle(a.id)} />
            {a.title}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="share-error">
          {error}
        </p>
      )}
      <DialogActions
        onCancel={onClose}
        label={busy ? 'Connecting…' : 'Join story'}
        submit
        disabled={busy || !token.trim()}
        testId="share-join"
      />
    </form>
  );
}
