import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { SignJWT } from 'jose';
import type { ServerConfig } from './config.ts';
import { startServer } from './app.ts';
import type { RunningServer } from './app.ts';
import { memoryLogger } from './log.ts';
import { issueToken } from './tokens.ts';
import {
  TEST_SECRET,
  connect,
  redisAvailable,
  startRedis,
  tempDatabase,
  until,
} from './testing.ts';
import type { Client } from './testing.ts';

// Issue 10 owns loopback ports 47100–47109.
const PORT_A = 47101;
const PORT_B = 47102;
const REDIS_PORT = 47109;

const running: RunningServer[] = [];
const clients: Client[] = [];
let redis: ChildProcess | null = null;

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of running.splice(0)) await s.stop();
  if (redis) {
    const r = redis;
    redis = null;
    await new Promise((ok) => {
      r.once('exit', ok);
      r.kill('SIGTERM');
    });
  }
});

function config(port: number, database: string, extra: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: '127.0.0.1',
    port,
    database,
    secret: TEST_SECRET,
    redis: null,
    name: `test-${port}`,
    debounce: 50,
    ...extra,
  };
}

async function start(port: number, database: string, extra: Partial<ServerConfig> = {}) {
  const log = memoryLogger();
  const server = await startServer(config(port, database, extra), log);
  running.push(server);
  return { server, log };
}

function client(url: string, story: string, token: string) {
  const c = connect(url, story, token);
  clients.push(c);
  return c;
}

const token = (story: string, editor: string, role: 'editor' | 'viewer' = 'editor', ttl = 600) =>
  issueToken({ story, editor, role }, TEST_SECRET, ttl);

/** A story with Ana (editor), Ben (editor) and Vic (viewer). */
async function storyServer(port = PORT_A, database = tempDatabase(), extra = {}) {
  const { server, log } = await start(port, database, extra);
  server.members.createStory('flood-2026', 'Flood coverage');
  server.members.setMember('flood-2026', 'Ana', 'editor');
  server.members.setMember('flood-2026', 'Ben', 'editor');
  server.members.setMember('flood-2026', 'Vic', 'viewer');
  return { server, log, database };
}

describe('sync server', () => {
  it('binds only to the configured interface', async () => {
    const { server } = await storyServer();
    expect(server.url).toBe(`ws://127.0.0.1:${PORT_A}`);
    expect((await fetch(`http://127.0.0.1:${PORT_A}/`)).ok).toBe(true);
    // The machine's other addresses do not answer on that port.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    for (const address of others) {
      await expect(fetch(`http://${address}:${PORT_A}/`)).rejects.toThrow();
    }
  });

  it('lets two members edit the story and each sees the other', async () => {
    const { server } = await storyServer();
    const ana = client(server.url, 'flood-2026', await token('flood-2026', 'Ana'));
    const ben = client(server.url, 'flood-2026', await token('flood-2026', 'Ben'));
    await Promise.all([ana.ready, ben.ready]);
    ana.doc.getMap('annotations').set('a1', 'claim by Ana');
    await until(() => ben.doc.getMap('annotations').get('a1') === 'claim by Ana');
  });

  it('refuses a valid token whose editor is not on the member list', async () => {
    const { server, log } = await storyServer();
    const eve = client(server.url, 'flood-2026', await token('flood-2026', 'Eve'));
    await expect(eve.ready).rejects.toThrow(/refused/);
    expect(log.records).toContainEqual(
      expect.objectContaining({ event: 'auth.refused', reason: 'not-a-member' }),
    );
  });

  it('refuses a member removed after their token was issued', async () => {
    const { server } = await storyServer();
    const t = await token('flood-2026', 'Ben');
    server.members.removeMember('flood-2026', 'Ben');
    await expect(client(server.url, 'flood-2026', t).ready).rejects.toThrow(/refused/);
  });

  it('refuses a token for another story', async () => {
    const { server, log } = await storyServer();
    server.members.createStory('other', 'Other');
    server.members.setMember('other', 'Ana', 'editor');
    const c = client(server.url, 'flood-2026', await token('other', 'Ana'));
    await expect(c.ready).rejects.toThrow(/refused/);
    expect(log.records.at(-1)).toMatchObject({ event: 'auth.refused', reason: 'wrong-story' });
  });

  it('refuses an expired token', async () => {
    const { server, log } = await storyServer();
    const expired = await issueToken(
      { story: 'flood-2026', editor: 'Ana', role: 'editor' },
      TEST_SECRET,
      60,
      Date.now() - 3600_000,
    );
    await expect(client(server.url, 'flood-2026', expired).ready).rejects.toThrow(/refused/);
    expect(log.records.at(-1)).toMatchObject({ event: 'auth.refused', reason: 'expired' });
  });

  it('refuses a forged token (signed with another key) and one with alg none', async () => {
    const { server, log } = await storyServer();
    const forged = await issueToken(
      { story: 'flood-2026', editor: 'Ana', role: 'editor' },
      'another-secret-of-sufficient-length-for-hs256-xxxxxxxx',
      600,
    );
    await expect(client(server.url, 'flood-2026', forged).ready).rejects.toThrow(/refused/);
    expect(log.records.at(-1)).toMatchObject({ event: 'auth.refused', reason: 'invalid' });
    const unsigned =
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url') +
      '.' +
      Buffer.from(
        JSON.stringify({ story: 'flood-2026', sub: 'Ana', role: 'editor', exp: 2e9 }),
      ).toString('base64url') +
      '.';
    await expect(client(server.url, 'flood-2026', unsigned).ready).rejects.toThrow(/refused/);
    // A token without an expiry is refused even when correctly signed.
    const noExpiry = await new SignJWT({ story: 'flood-2026', role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('Ana')
      .setIssuer('corroborate')
      .setAudience('corroborate-sync')
      .sign(new TextEncoder().encode(TEST_SECRET));
    await expect(client(server.url, 'flood-2026', noExpiry).ready).rejects.toThrow(/refused/);
  });

  it("rejects a viewer's writes server-side while the viewer still reads", async () => {
    const { server, log } = await storyServer();
    const ana = client(server.url, 'flood-2026', await token('flood-2026', 'Ana'));
    const vic = client(server.url, 'flood-2026', await token('flood-2026', 'Vic', 'viewer'));
    await Promise.all([ana.ready, vic.ready]);
    vic.doc.getMap('annotations').set('v1', 'viewer write');
    ana.doc.getMap('annotations').set('a1', 'editor write');
    await until(() => vic.doc.getMap('annotations').get('a1') === 'editor write');
    await until(() => log.records.some((r) => r.event === 'write.rejected'), 3000, 'log');
    // A fresh member sees the editor's write and not the viewer's.
    const ben = client(server.url, 'flood-2026', await token('flood-2026', 'Ben'));
    await ben.ready;
    expect(ben.doc.getMap('annotations').get('a1')).toBe('editor write');
    expect(ben.doc.getMap('annotations').has('v1')).toBe(false);
    expect(log.records).toContainEqual(
      expect.objectContaining({ event: 'write.rejected', editor: 'Vic' }),
    );
  });

  it('treats a viewer token as read-only even for a member listed as editor', async () => {
    const { server } = await storyServer();
    const ana = client(server.url, 'flood-2026', await token('flood-2026', 'Ana', 'viewer'));
    await ana.ready;
    ana.doc.getMap('annotations').set('x', 1);
    const ben = client(server.url, 'flood-2026', await token('flood-2026', 'Ben'));
    await ben.ready;
    await new Promise((r) => setTimeout(r, 200));
    expect(ben.doc.getMap('annotations').has('x')).toBe(false);
  });

  it('keeps the story across a server restart (SQLite)', async () => {
    const first = await storyServer();
    const ana = client(first.server.url, 'flood-2026', await token('flood-2026', 'Ana'));
    await ana.ready;
    ana.doc.getText('note:a1').insert(0, 'Check the river gauge figures.');
    ana.doc.getMap('annotations').set('a1', { kind: 'claim' });
    await until(() => first.log.records.some((r) => r.event === 'document.stored'), 5000, 'store');
    ana.close();
    clients.length = 0;
    await first.server.stop();
    running.length = 0;

    const { server } = await start(PORT_A, first.database);
    const ben = client(server.url, 'flood-2026', await token('flood-2026', 'Ben'));
    await ben.ready;
    expect(ben.doc.getText('note:a1').toString()).toBe('Check the river gauge figures.');
    expect(ben.doc.getMap('annotations').get('a1')).toEqual({ kind: 'claim' });
    // Members survived too: Eve still cannot join.
    const eve = client(server.url, 'flood-2026', await token('flood-2026', 'Eve'));
    await expect(eve.ready).rejects.toThrow(/refused/);
  });

  const redisMissing = !redisAvailable();
  it.skipIf(redisMissing)(
    'relays edits between editors on two instances sharing Redis' +
      (redisMissing ? ' (skipped: redis-server is not installed; run scripts/setup-test.sh)' : ''),
    async () => {
      redis = await startRedis(REDIS_PORT);
      const database = tempDatabase();
      const redisConf = { redis: { host: '127.0.0.1', port: REDIS_PORT } };
      const a = await storyServer(PORT_A, database, { ...redisConf, name: 'instance-a' });
      const { server: b } = await start(PORT_B, database, { ...redisConf, name: 'instance-b' });
      const ana = client(a.server.url, 'flood-2026', await token('flood-2026', 'Ana'));
      const ben = client(b.url, 'flood-2026', await token('flood-2026', 'Ben'));
      await Promise.all([ana.ready, ben.ready]);
      ana.doc.getMap('annotations').set('a1', 'from instance A');
      await until(() => ben.doc.getMap('annotations').get('a1') === 'from instance A');
      ben.doc.getText('note').insert(0, 'from instance B');
      await until(() => ana.doc.getText('note').toString() === 'from instance B');
    },
  );
});
