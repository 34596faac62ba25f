import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { formatBytes } from '../../../shared/bundle/errors';
import { storageEstimate, type Persistence, type SpaceEstimate } from './storageSpace';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  persistent: 'Persistent: the browser will not clear this workspace to free space.',
  'best-effort':
    'Best effort: under storage pressure the browser may clear this workspace. Export bundles regularly, or use the desktop app.',
  unavailable: 'Unknown: this browser does not say whether it keeps the workspace.',
};

/** Settings › Storage: how much the workspace uses, what is free, and whether it is kept. */
export function StorageDialog({
  persistence,
  onClose,
}: {
  persistence: Persistence | null;
  onClose: () => void;
}) {
  const [space, setSpace] = useState<SpaceEstimate | null | undefined>(undefined);
  useEffect(() => {
    void storageEstimate().then(setSpace);
  }, []);
  return (
    <Dialog title="Storage" onClose={onClose} testId="storage-settings">
      <dl className="storage-facts">
        <dt>Used by this workspace</dt>
        <dd data-testid="storage-used">
          {space === undefined ? '…' : space ? formatBytes(space.usage) : 'unknown'}
        </dd>
        <dt>Free for it</dt>
        <dd data-testid="storage-free">
          {space === undefined ? '…' : space ? formatBytes(space.quota - space.usage) : 'unknown'}
        </dd>
        <dt>Kept by the browser</dt>
        <dd data-testid="storage-persistence">
          {persistence === null ? '…' : PERSISTENCE_TEXT[persistence]}
        </dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
