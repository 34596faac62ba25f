import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../server/app';
import { memoryLogger } from '../../server/log';
import { issueToken } from '../../server/tokens';
import { TEST_SECRET, tempDatabase } from '../../server/testing';

/**
 * A team-sync server a spec starts, stops and restarts itself on a loopback port (issue 10's
 * ports are 47100–47109), always on the same SQLite file, so a restart keeps the stories as a
 * real server process restart would. Stopping drops every socket: the editors go offline at once
 * (Playwright's setOffline would leave the WebSockets open).
 */
export class SyncServer {
  private running: RunningServer | null = null;
  readonly database = tempDatabase();

  constructor(readonly port: number) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<RunningServer> {
    this.running = await startServer(
      {
        host: '127.0.0.1',
        port: this.port,
        database: this.database,
        secret: TEST_SECRET,
        redis: null,
        name: `e2e-${this.port}`,
        debounce: 50,
      },
      memoryLogger(),
    );
    return this.running;
  }

  async stop(): Promise<void> {
    // Let the last debounced store reach SQLite before the sockets go.
    await new Promise((r) => setTimeout(r, 200));
    await this.running?.stop();
    this.running = null;
  }

  story(id: string, members: Record<string, 'editor' | 'viewer'>): void {
    if (!this.running) throw new Error('start the server first');
    this.running.members.createStory(id, id);
    for (const [name, role] of Object.entries(members)) {
      this.running.members.setMember(id, name, role);
    }
  }

  token(story: string, editor: string, role: 'editor' | 'viewer' = 'editor'): Promise<string> {
    return issueToken({ story, editor, role }, TEST_SECRET, 3600);
  }
}

/**
 * The built renderer allows no sync server in its CSP unless built with CORROBORATE_SYNC_SERVER
 * naming it, so specs whose server is on another port run with CSP bypassed (the policy itself is
 * tested in shared/ipc and electron/).
 */
export const SHARE_CONTEXT = { bypassCSP: true } as const;

/** A fresh browser profile with the seed library loaded. */
export async function freshProfile(browser: Browser): Promise<Page> {
  const context: BrowserContext = await browser.newContext(SHARE_CONTEXT);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  return page;
}

/** Joins a story through "Share story…" as an editor would: address, token, articles. */
export async function joinStory(
  page: Page,
  server: SyncServer,
  token: string,
  share: string[] = [],
): Promise<void> {
  await page.getByTestId('share-open').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.getByTestId('share-server').fill(server.url);
  await dialog.getByTestId('share-token').fill(token);
  for (const title of share) await dialog.getByLabel(title, { exact: false }).check();
  await dialog.getByTestId('share-join').click();
  await expect(dialog.getByTestId('share-status')).toContainText('Connected');
  await page.keyboard.press('Escape');
  await expect(syncBadge(page)).toContainText('Connected');
}

export const syncBadge = (page: Page) => page.getByTestId('sync-status');

/**
 * Every row of the editor's work store, tombstones included, without each replica's own
 * bookkeeping (`updatedAt`, an article's import origin): what must be equal on every editor.
 */
export function storeRows(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('corroborate');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = (table: string) =>
      new Promise<Record<string, unknown>[]>((ok, fail) => {
        const req = db.transaction(table).objectStore(table).getAll();
        req.onsuccess = () => ok(req.result as Record<string, unknown>[]);
        req.onerror = () => fail(req.error);
      });
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map(({ updatedAt: _u, origin: _o, ...rest }) => rest);
    const out = {
      articles: strip(await all('articles')),
      // Annotations are stored in packs (renderer/db/packing.ts).
      annotations: strip(
        (await all('annotationPacks')).flatMap((p) => p.rows as Record<string, unknown>[]),
      ),
      groups: strip(await all('groups')),
    };
    db.close();
    return out;
  });
}
