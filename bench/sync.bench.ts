/**
 * Team sync figures against a real server process (npm run server, loopback ports 47107):
 *  - edit latency between two editors through the server (Node clients: document to document;
 *    the browser's paint is not included),
 *  - catch-up time after 1,000 changes made offline,
 *  - server memory (RSS) with 50 stories × 5 simulated editors.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { MembershipStore } from '../server/membership';
import { issueToken } from '../server/tokens';
import { TEST_SECRET, connect, tempDatabase, until, type Client } from '../server/testing';
import { addAnnotation, addArticle, readStory, setField } from '../shared/sync/storyDoc';
import type { Annotation, Article } from '../shared/model/types';

type Report = (name: string, value: number, unit: string) => void;
const PORT = 47107;
const URL = `ws://127.0.0.1:${PORT}`;
const STORIES = 50;
const EDITORS = 5;

const rssKiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

function article(i: number): Article {
  const text = `Story ${i}: the river rose 3 metres overnight, officials said.`;
  const id = `sha-${i}`.padEnd(64, '0');
  return {
    id,
    sha256: id,
    title: `Story ${i}`,
    source: null,
    authors: [],
    url: null,
    language: 'en',
    date: null,
    text,
    structure: null,
    origin: { kind: 'paste', name: null, format: 'paste' },
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  };
}
function annotation(id: string, a: Article, by: string): Annotation {
  return {
    id,
    articleId: a.id,
    kind: 'claim',
    position: { type: 'TextPositionSelector', start: 0, end: 10 },
    quote: { type: 'TextQuoteSelector', exact: a.text.slice(0, 10), prefix: '', suffix: '' },
    speaker: null,
    note: '',
    groupId: null,
    stance: null,
    tags: [],
    author: by,
    createdAt: 2,
    updatedAt: 2,
    deletedAt: null,
  };
}

export async function bench(report: Report): Promise<void> {
  const database = tempDatabase();
  const members = new MembershipStore(database);
  for (let s = 0; s < STORIES; s++) {
    members.createStory(`s${s}`, `Story ${s}`);
    for (let e = 0; e < EDITORS; e++) members.setMember(`s${s}`, `E${e}`, 'editor');
  }
  members.close();
  // npm run bench runs from the repo root (node_modules may be a symlink elsewhere).
  const root = process.cwd();
  const child = spawn(
    process.execPath,
    ['scripts/server.mjs', 'serve', '--port', String(PORT), '--db', database],
    {
      cwd: root,
      env: { ...process.env, CORROBORATE_SECRET: TEST_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );

  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      const line = d.toString();
      if (line.includes('server.listening')) ok();
    });
    child.on('exit', (c) => fail(new Error(`server exited ${c}`)));
  });
  // scripts/server.mjs runs the bundled server as its own child: measure that process.
  // (its other child is esbuild's service, so pick the one running the bundled cli).
  const serverPid = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number)
    .find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cli.mjs'))!;
  const clients: Client[] = [];
  const join2 = async (story: string, editor: string, doc?: Y.Doc) => {
    const token = await issueToken({ story, editor, role: 'editor' }, TEST_SECRET, 3600);
    const c = connect(URL, story, token, doc);
    clients.push(c);
    await c.ready;
    return c;
  };
  try {
    const idleKiB = rssKiB(serverPid);

    // 1. Latency: E0 writes a speaker, E1 sees it.
    const a = await join2('s0', 'E0');
    const b = await join2('s0', 'E1');
    const art = article(0);
    addArticle(a.doc, art);
    addAnnotation(a.doc, annotation('a0', art, 'E0'));
    await until(() => b.doc.getMap('annotations').has('a0'));
    const lat: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      setField(a.doc, 'annotations', 'a0', 'speaker', `speaker ${i}`, 'E0', Date.now());
      await until(() => readStory(b.doc).annotations[0]!.speaker === `speaker ${i}`, 5000);
      lat.push(performance.now() - t0);
    }
    report('sync.edit latency editor→editor (Node clients, median)', pct(lat, 0.5), 'ms');
    report('sync.edit latency editor→editor (Node clients, p95)', pct(lat, 0.95), 'ms');

    // 2. Catch-up: E1 goes offline, makes 1,000 changes, reconnects.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(b.doc));
    for (let i = 0; i < 1000; i++) {
      if (i % 10 === 0) addAnnotation(offline, annotation(`off${i}`, art, 'E1'));
      setField(
        offline,
        'annotations',
        `off${i - (i % 10)}`,
        'speaker',
        `offline ${i}`,
        'E1',
        Date.now(),
      );
    }
    const t0 = performance.now();
    await join2('s0', 'E1', offline);
    await until(() => a.doc.getMap('annotations').size === 101, 60_000, 'catch-up');
    await until(
      () => readStory(a.doc).annotations.some((x) => x.speaker === 'offline 999'),
      60_000,
    );
    report('sync.catch-up after 1,000 offline changes', performance.now() - t0, 'ms');

    // 3. Memory: 50 stories × 5 editors, each adding 10 annotations.
    for (let s = 1; s < STORIES; s++) {
      const docs = await Promise.all(
        Array.from({ length: EDITORS }, (_, e) => join2(`s${s}`, `E${e}`)),
      );
      const st = article(s);
      addArticle(docs[0]!.doc, st);
      docs.forEach((c, e) => {
        for (let k = 0; k < 10; k++)
          addAnnotation(c.doc, annotation(`s${s}e${e}k${k}`, st, `E${e}`));
      });
    }
    await new Promise((r) => setTimeout(r, 1500));
    const loadedKiB = rssKiB(serverPid);
    report(`sync.server RSS idle`, idleKiB / 1024, 'MiB');
    report(
      `sync.server RSS with ${STORIES} stories × ${EDITORS} editors (${clients.length} clients)`,
      loadedKiB / 1024,
      'MiB',
    );
  } finally {
    for (const c of clients) c.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
