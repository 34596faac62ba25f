import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CorroborateDatabase } from '../db/database';
import { SyncDatabase, type StoryLink } from './syncDatabase';
import { StorySession } from './session';
import { startServer, type RunningServer } from '../../server/app';
import { memoryLogger } from '../../server/log';
import { issueToken } from '../../server/tokens';
import { TEST_SECRET, tempDatabase, until } from '../../server/testing';
import { annotationOn, group, seedArticle } from '../../shared/testing/story';

const PORT = 47105;
const sessions: StorySession[] = [];
let server: RunningServer | null = null;
let n = 0;

afterEach(async () => {
  for (const s of sessions.splice(0)) s.close();
  await server?.stop();
  server = null;
});

async function startStoryServer(database = tempDatabase()) {
  server = await startServer(
    {
      host: '127.0.0.1',
      port: PORT,
      database,
      secret: TEST_SECRET,
      redis: null,
      name: 'session-test',
      debounce: 30,
    },
    memoryLogger(),
  );
  if (!server.members.story('flood')) {
    server.members.createStory('flood', 'Flood');
    server.members.setMember('flood', 'Ana', 'editor');
    server.members.setMember('flood', 'Ben', 'editor');
    server.members.setMember('flood', 'Vic', 'viewer');
  }
  return database;
}

/** A browser profile: its own work store and sync database, joined to the story. */
async function profile(editor: 'Ana' | 'Ben' | 'Vic', articleIds: string[] = []) {
  const work = new CorroborateDatabase(`work-${editor}-${++n}`);
  const sync = new SyncDatabase(`sync-${editor}-${n}`);
  const role = editor === 'Vic' ? 'viewer' : 'editor';
  const link: StoryLink = {
    id: 'flood',
    title: 'Flood',
    server: `ws://127.0.0.1:${PORT}`,
    token: await issueToken({ story: 'flood', editor, role }, TEST_SECRET, 600),
    editor,
    role,
    articleIds,
    agreed: {},
    lastSyncedAt: null,
    leftAt: null,
  };
  const join = async () => {
    const session = new StorySession(work, sync, link, WebSocket);
    sessions.push(session);
    await session.open();
    return session;
  };
  return { work, sync, join };
}

describe('story session (store ⇄ document ⇄ server)', () => {
  it('carries annotations, links and note edits between two profiles, with authors', async () => {
    await startStoryServer();
    const article = seedArticle('000');
    const ana = await profile('Ana', [article.id]);
    await ana.work.articles.put(article);
    await ana.work.annotations.put({ ...annotationOn(article, 'a1', 0, 'x'), author: null });
    const anaSession = await ana.join();
    const ben = await profile('Ben');
    const benSession = await ben.join();
    await until(() => benSession.status.lastSyncedAt !== null, 5000, 'Ben synced');
    await until(() => anaSession.status.waiting === 0, 5000, 'Ana confirmed');

    await expect(poll(() => ben.work.annotations.get('a1'))).resolves.toMatchObject({
      author: 'Ana',
      articleId: article.id,
    });
    expect(await ben.work.articles.get(article.id)).toMatchObject({ text: article.text });

    // A renamed group: an un-renamed one is labelled after its oldest member on read.
    await ben.work.groups.put({ ...group('g1', 'Death toll'), labelEdited: true });
    await ben.work.annotations.update('a1', { groupId: 'g1', stance: 'agrees', note: 'Ben.' });
    await expect(
      poll(async () => {
        const a = await ana.work.annotations.get('a1');
        return a?.groupId === 'g1' ? a : undefined;
      }),
    ).resolves.toMatchObject({ stance: 'agrees', note: 'Ben.' });
    expect(await ana.work.groups.get('g1')).toMatchObject({ label: 'Death toll' });
  });

  it('keeps offline edits: both notes merge, the speaker becomes a conflict to resolve', async () => {
    const database = await startStoryServer();
    const article = seedArticle('001');
    const ana = await profile('Ana', [article.id]);
    await ana.work.articles.put(article);
    await ana.work.annotations.put(annotationOn(article, 'a1', 0, 'Ana'));
    const anaSession = await ana.join();
    const ben = await profile('Ben');
    const benSession = await ben.join();
    await expect(poll(() => ben.work.annotations.get('a1'))).resolves.toBeDefined();

    await server!.stop();
    server = null;
    await until(() => anaSession.status.state !== 'connected', 5000, 'offline');
    await ana.work.annotations.update('a1', { note: 'Ana offline. ', speaker: 'Mayor' });
    await ben.work.annotations.update('a1', { note: 'Ben offline.', speaker: 'Chief' });
    await until(() => anaSession.status.waiting > 0, 5000, 'Ana waiting');

    await startStoryServer(database);
    const merged = async (w: CorroborateDatabase) => {
      const a = await w.annotations.get('a1');
      return a?.note.includes('Ana offline.') && a.note.includes('Ben offline.') ? a : undefined;
    };
    await expect(poll(() => merged(ana.work), 15_000)).resolves.toBeDefined();
    await expect(poll(() => merged(ben.work), 15_000)).resolves.toBeDefined();
    const shown = anaSession.conflicts().find((c) => c.conflict.kind === 'field');
    expect(shown?.subject).toMatch(/^“.+”$/);
    const conflict = shown?.conflict;
    expect(conflict).toMatchObject({ row: 'a1', field: 'speaker' });
    const values = conflict!.kind === 'field' ? conflict!.heads.map((h) => h.value).sort() : [];
    expect(values).toEqual(['Chief', 'Mayor']);

    await anaSession.resolve(conflict!, 'Mayor (confirmed by chief)');
    await until(() => benSession.conflicts().length === 0, 10_000, 'resolution reaches Ben');
    await expect(
      poll(async () => {
        const a = await ben.work.annotations.get('a1');
        return a?.speaker === 'Mayor (confirmed by chief)' ? a : undefined;
      }),
    ).resolves.toBeDefined();
  });

  it("never sends a viewer's local edits; the server's value comes back", async () => {
    await startStoryServer();
    const article = seedArticle('002');
    const ana = await profile('Ana', [article.id]);
    await ana.work.articles.put(article);
    await ana.work.annotations.put(annotationOn(article, 'a1', 0, 'Ana'));
    await ana.join();
    const vic = await profile('Vic');
    await vic.join();
    await expect(poll(() => vic.work.annotations.get('a1'))).resolves.toBeDefined();
    await vic.work.annotations.update('a1', { speaker: 'Viewer guess' });
    await expect(
      poll(async () => {
        const a = await vic.work.annotations.get('a1');
        return a?.speaker === null ? a : undefined;
      }),
    ).resolves.toBeDefined();
    expect((await ana.work.annotations.get('a1'))?.speaker).toBeNull();
  });
});

async function poll<T>(read: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`nothing after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
