/** Explains why the local database could not open, with what the editor can do about it. */
export function startupProblem(error: unknown): string {
  // Dexie wraps what an on('ready') check throws (renderer/db/newerVersion.ts) as `inner`.
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (inner instanceof Error && inner.name === 'NewerDatabaseError') return inner.message;
  if (error instanceof Error && error.name === 'NewerDatabaseError') return error.message;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'MissingAPIError' || /indexedDB/i.test(message)) {
    return 'This browser profile does not allow local storage (IndexedDB), so nothing could be saved. Use a normal (non-private) window or the desktop app. No data was lost.';
  }
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'The disk is full or storage for this app is restricted. Free some space and restart Corroborate. No data was lost.';
  }
  if (name === 'VersionError') {
    return 'Your data was saved by a newer version of Corroborate. Install the newer version to open it. Nothing was changed.';
  }
  return `${message}. Restart Corroborate; if this repeats, your data is still on disk — report this message.`;
}
