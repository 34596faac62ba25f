import { useEffect, useState } from 'react';
import { reportError } from '../../components/toasts';
import { useStore } from '../../state/createStore';
import { ShareDialog } from './ShareDialog';
import { SyncStatusBadge } from './SyncStatusBadge';
import { resumeStory, shareStore } from './shareSession';
import './share.css';

/** Top-bar entry: "Share story…" before joining, the sync status badge after. */
export function ShareActions() {
  const status = useStore(shareStore, (s) => s.status);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    resumeStory().catch((e: unknown) => reportError('Reopening the shared story', e));
  }, []);
  return (
    <>
      {status ? (
        <SyncStatusBadge status={status} onClick={() => setOpen(true)} />
      ) : (
        <button type="button" data-testid="share-open" onClick={() => setOpen(true)}>
          Share story…
        </button>
      )}
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}
