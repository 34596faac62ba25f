import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CorroborateDatabase } from '../db/database';
import { SyncDatabase, type StoryLink } from './syncDatabase';
import { StorySession } from './session';
import { collectWorkspace } from '../features/bundle/exportData';
import { readBundle, writeBundle } from '../../shared/bundle';
import { rowKey } from '../../shared/sync/reconcile';
import { startServer, type RunningServer } from '../../server/app';
import { memoryLogger } from '../../server/log';
import { issueToken } from '../../server/tokens';
import { TEST_SECRET, tempDatabase, until } from '../../server/testing';
import { annotationOn, group, seedArticle } from '../../shared/testing/story';
import type { Workspace } from '../../shared/bundle/types';

/**
 * "Exports stay whole": after two editors' work has synced (including concurrent edits made
 * while the server was down, one of them a conflict), the bundle each exports is byte for byte
 * the other's: same articles, annotations, groups, verdicts and authors.
 */
const PORT = 47106;
const NOW = Date.UTC(2024, 4, 1);
const sessions: StorySession[] = [];
let server: RunningServer | null = null;
let database = '';
let n = 0;

afterEach(async () => {
  for (const s of sessions.splice(0)) s.close();
  await server?.stop();
  server = null;
});

async function startStoryServer() {
  server = await startServer(
    {
      host: '127.0.0.1',
      port: PORT,
      database,
      secret: TEST_SECRET,
      redis: null,
      name: 'exports-test',
      debounce: 30,
    },
    memoryLogger(),
  );
  if (!server.members.story('flood')) {
    server.members.createStory('flood', 'Flood');
    server.members.setMember('flood', 'Ana', 'editor');
    server.members.setMember('flood', 'Ben', 'editor');
  }
}

async function profile(editor: 'Ana' | 'Ben', articleIds: string[] = []) {
  const work = new CorroborateDatabase(`exports-work-${editor}-${++n}`);
  const sync = new SyncDatabase(`exports-sync-${editor}-${n}`);
  const link: StoryLink = {
    id: 'flood',
    title: 'Flood',
    server: `ws://127.0.0.1:${PORT}`,
    token: await issueToken({ story: 'flood', editor, role: 'editor' }, TEST_SECRET, 600),
    editor,
    role: 'editor',
    articleIds,
    agreed: {},
    lastSyncedAt: null,
    leftAt: null,
  };
  const session = new StorySession(work, sync, link, WebSocket);
  sessions.push(session);
  return { work, session };
}

/** Fixture rows stamped at a real time (bundles refuse times before 1990). */
const dated = <T extends { createdAt: number; updatedAt: number }>(row: T): T => ({
  ...row,
  createdAt: NOW - 86_400_000 + row.createdAt,
  updatedAt: NOW - 86_400_000 + row.updatedAt,
});

/** An editor's store edit, as the app makes it: the row changes and is stamped now. */
async function edit<T extends 'annotations' | 'groups'>(
  work: CorroborateDatabase,
  table: T,
  id: string,
  patch: Record<string, unknown>,
) {
  const changes = { ...patch, updatedAt: Date.now() };
  await (table === 'annotations' ? work.annotations : work.groups).update(id, changes);
}

/** Same rows (key order aside), each with the same last-edit time. */
const exact = (ws: Workspace) =>
  [...ws.articles, ...ws.annotations, ...ws.groups].map((r) => `${r.updatedAt}|${rowKey(r)}`);
const sameRows = (a: Workspace, b: Workspace) =>
  JSON.stringify(exact(a)) === JSON.stringify(exact(b)) ? true : undefined;

describe('exports after sync', () => {
  it("editor A's bundle equals editor B's, byte for byte, after live and offline edits", async () => {
    database = tempDatabase();
    await startStoryServer();
    const flood = dated(seedArticle('000'));
    const river = dated(seedArticle('001'));
    const ids = [flood.id, river.id];
    const ana = await profile('Ana', ids);
    await ana.work.articles.bulkPut([flood, river]);
    await ana.work.annotations.bulkPut([
      dated(annotationOn(flood, 'a1', 0, 'Ana')),
      dated({ ...annotationOn(river, 'a2', 1, 'Ana'), kind: 'quote', speaker: 'Mayor' }),
    ]);
    await ana.work.groups.put(dated(group('g1', 'Death toll')));
    await edit(ana.work, 'annotations', 'a1', { groupId: 'g1', stance: 'agrees' });
    await ana.session.open();
    const ben = await profile('Ben');
    await ben.session.open();
    await expect(poll(() => ben.work.groups.get('g1'))).resolves.toBeDefined();

    // Live: Ben links the quote, rates the group and tags the claim; Ana writes reasoning.
    await edit(ben.work, 'annotations', 'a2', { groupId: 'g1', stance: 'conflicts' });
    await edit(ben.work, 'groups', 'g1', { verdict: 'Mostly true', status: 'checking' });
    await edit(ben.work, 'annotations', 'a1', { tags: ['numbers'] });
    await edit(ana.work, 'groups', 'g1', { reasoning: 'Two sources agree on 498.' });
    // Ben's own claim, made in the story.
    await ben.work.annotations.put(
      dated({ ...annotationOn(flood, 'b1', 3, 'Ben'), note: 'Check.' }),
    );

    // Offline: both rate the group differently (a conflict) and both edit a note.
    await expect(poll(() => ana.work.annotations.get('b1'))).resolves.toBeDefined();
    await expect(
      poll(async () => ((await ben.work.groups.get('g1'))?.reasoning ? true : undefined)),
    ).resolves.toBe(true);
    await server!.stop();
    server = null;
    await edit(ana.work, 'groups', 'g1', { verdict: 'True' });
    await edit(ben.work, 'groups', 'g1', { verdict: 'Half true' });
    await edit(ana.work, 'annotations', 'b1', { note: 'Check. Ana: the 3rd paragraph.' });
    await edit(ben.work, 'annotations', 'b1', { note: 'Ben: Check.' });
    await until(() => ana.session.status.waiting > 0, 5000, 'Ana waiting');
    await until(() => ben.session.status.waiting > 0, 5000, 'Ben waiting');
    await startStoryServer();

    const whole = await poll(async () => {
      const [wa, wb] = await Promise.all([
        collectWorkspace(ids, ana.work),
        collectWorkspace(ids, ben.work),
      ]);
      return wa.annotations.some((x) => x.note.includes('Ana') && x.note.includes('Ben')) &&
        ana.session.conflicts().length === 1 &&
        ben.session.conflicts().length === 1
        ? sameRows(wa, wb) && { wa, wb }
        : undefined;
    }, 15_000);
    const bundleA = writeBundle(whole.wa, { appVersion: 'test', now: NOW });
    const bundleB = writeBundle(whole.wb, { appVersion: 'test', now: NOW });
    expect(Buffer.from(bundleB).equals(Buffer.from(bundleA))).toBe(true);

    // And what that bundle holds is the story as both editors see it.
    const read = await readBundle(bundleA);
    if (!read.ok) throw new Error(read.error.message);
    const ws = read.value;
    expect(ws.articles.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(ws.annotations.map((a) => [a.id, a.author, a.groupId]).sort()).toEqual([
      ['a1', 'Ana', 'g1'],
      ['a2', 'Ana', 'g1'],
      ['b1', 'Ben', null],
    ]);
    const g1 = ws.groups.find((g) => g.id === 'g1')!;
    expect(['True', 'Half true']).toContain(g1.verdict);
    expect(g1).toMatchObject({ status: 'checking', reasoning: 'Two sources agree on 498.' });
    expect(ws.annotations.find((a) => a.id === 'b1')!.note).toBe(
      'Ben: Check. Ana: the 3rd paragraph.',
    );
    expect(ws.annotations.find((a) => a.id === 'a1')!.tags).toEqual(['numbers']);
    // Row by row, the stores agree even on each row's last-edit time.
    expect(whole.wb.groups.map(rowKey)).toEqual(whole.wa.groups.map(rowKey));
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
