import Dexie, { type Table } from 'dexie';

/**
 * Team-sync state, in its own IndexedDB database so the work store's schema never depends on
 * sync (the store does not import renderer/sync). Each story's Y.Doc is kept as its log of
 * binary updates (compacted into one when it grows), which is what Yjs itself replays.
 *
 * Why a plain Y.Doc update log rather than y-dexie: y-dexie attaches a Y.Doc to a property of
 * a row in the app's own tables, i.e. one document per row and a schema change to the work
 * store. The merge model needs one document per story spanning three tables, and the store
 * must stay ignorant of sync; an append-only update log gives exactly that with two tables.
 * (Not benchmarked against y-dexie: see the report.)
 */
export interface StoryLink {
  /** The story id on the server (also the document name). */
  id: string;
  title: string;
  /** ws:// or wss:// origin of the sync server. */
  server: string;
  token: string;
  /** The display name this profile edits under (from the token). */
  editor: string;
  role: 'editor' | 'viewer';
  /** Articles (sha256 ids) this profile shares into the story. */
  articleIds: string[];
  /** Per row, the content both the store and the document last agreed on (reconcile.ts). */
  agreed: Record<string, string>;
  lastSyncedAt: number | null;
  /** Local changes the server had not confirmed when last counted (shown after a reload). */
  waiting?: number;
  /** Set when the editor leaves the story: the local copy stays, syncing stops. */
  leftAt: number | null;
}

export interface StoredUpdate {
  seq?: number;
  story: string;
  update: Uint8Array;
}

export class SyncDatabase extends Dexie {
  stories!: Table<StoryLink, string>;
  updates!: Table<StoredUpdate, number>;

  constructor(name = 'corroborate-sync') {
    super(name);
    this.version(1).stores({ stories: 'id', updates: '++seq, story' });
  }
}
