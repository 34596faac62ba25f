import type { SyncStatus } from '../../sync/session';

/** "Connected", "Offline · 3 waiting", "Syncing…", with the last sync time as a tooltip. */
export function statusText(s: SyncStatus): string {
  if (s.state === 'refused') return 'Refused by server';
  if (s.state === 'connected') return s.waiting > 0 ? 'Syncing…' : 'Connected';
  const waiting = s.waiting > 0 ? ` · ${s.waiting} waiting` : '';
  return s.state === 'connecting' ? `Connecting…${waiting}` : `Offline${waiting}`;
}

export function lastSyncedText(s: SyncStatus): string {
  return s.lastSyncedAt
    ? `Last synced ${new Date(s.lastSyncedAt).toLocaleTimeString()}`
    : 'Not synced yet';
}

export function SyncStatusBadge({ status, onClick }: { status: SyncStatus; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`sync-badge sync-${status.state}`}
      data-testid="sync-status"
      title={lastSyncedText(status)}
      onClick={onClick}
    >
      <span className="sync-dot" aria-hidden="true" />
      {statusText(status)}
      {status.conflicts > 0 && (
        <span className="sync-conflicts" data-testid="sync-conflict-count">
          {status.conflicts} conflict{status.conflicts === 1 ? '' : 's'}
        </span>
      )}
    </button>
  );
}
