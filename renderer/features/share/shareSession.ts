/**
 * The profile's shared story (at most one open at a time): joining, resuming after a restart,
 * leaving. Keeps the UI-facing status in a small store; the data itself flows through
 * renderer/sync into Dexie, so every view updates as usual.
 */
import { createStore } from '../../state/createStore';
import { db } from '../../db/database';
import { syncServerOrigin } from '../../../shared/ipc/csp';
import { readToken } from './readToken';
import { platform } from '../../platform/platform';
import { StorySession, type SyncStatus } from '../../sync/session';
import { SyncDatabase, type StoryLink } from '../../sync/syncDatabase';

export interface ShareState {
  session: StorySession | null;
  status: SyncStatus | null;
}

export const shareStore = createStore<ShareState>({ session: null, status: null });
const syncDb = new SyncDatabase();

const RELOADED_FOR = 'corroborate.syncServerReload';

/**
 * Has the desktop app allow exactly this server (CSP + request filter) before connecting. When
 * main had to widen the policy, the page reloads once to load under it; the story link is
 * already saved, so the reloaded page resumes it. False when a reload is under way.
 */
async function allowServer(server: string): Promise<boolean> {
  const { reload } = await platform.allowSyncServer(server);
  if (!reload) {
    sessionStorage.removeItem(RELOADED_FOR);
    return true;
  }
  // Never loop: if the reloaded page still hears "reload", connect anyway and let the
  // refusal show in the status.
  if (sessionStorage.getItem(RELOADED_FOR) === server) return true;
  sessionStorage.setItem(RELOADED_FOR, server);
  location.reload();
  return false;
}

async function start(link: StoryLink): Promise<void> {
  const session = new StorySession(db, syncDb, link);
  session.onStatus((status) => shareStore.set((s) => ({ ...s, status })));
  await session.open();
  shareStore.set((s) => ({ ...s, session }));
}

export async function joinStory(address: string, token: string, articleIds: string[]) {
  const server = syncServerOrigin(address);
  const claims = readToken(token);
  const existing = await syncDb.stories.get(claims.story);
  const link: StoryLink = {
    ...(existing ?? { agreed: {}, lastSyncedAt: null, articleIds: [] }),
    id: claims.story,
    title: claims.story,
    server,
    token: token.trim(),
    editor: claims.editor,
    role: claims.role,
    articleIds: [...new Set([...(existing?.articleIds ?? []), ...articleIds])],
    leftAt: null,
  };
  await syncDb.stories.put(link);
  shareStore.get().session?.close();
  if (await allowServer(server)) await start(link);
}

/** Reopens the story this profile had joined (after a reload or relaunch). */
export async function resumeStory(): Promise<void> {
  const link = (await syncDb.stories.toArray()).find((l) => l.leftAt === null);
  if (link && !shareStore.get().session && (await allowServer(link.server))) await start(link);
}

export async function leaveStory(): Promise<void> {
  await shareStore.get().session?.leave();
  shareStore.set(() => ({ session: null, status: null }));
  await platform.allowSyncServer(null);
}
