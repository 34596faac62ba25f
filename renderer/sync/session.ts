/**
 * One shared story in this profile: the story's Y.Doc (persisted in SyncDatabase), the
 * Hocuspocus connection, and the projection between the document and the work store.
 * Local store edits are pushed as document writes (origin local); document changes from the
 * server are written to the store directly (origin remote), outside the undo history, so remote
 * changes are never undone locally. Stands on the store and shared/; the store never imports it.
 */
import { liveQuery, type Subscription, type Table } from 'dexie';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { CorroborateDatabase } from '../db/database';
import type { Annotation, Article, ClaimGroup } from '../../shared/model/types';
import { applyRowChange } from '../../shared/sync/fromRows';
import { reconcile, rowKey, type TableRows } from '../../shared/sync/reconcile';
import { readStory, type Conflict } from '../../shared/sync/storyDoc';
import { conflictSubject, describeEmptiedGroup } from '../../shared/sync/describeConflict';
import { resolveConflict } from '../../shared/sync/resolveConflict';
import type { Scalar } from '../../shared/sync/writes';
import type { StoryLink, SyncDatabase } from './syncDatabase';

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'refused';

export interface SyncStatus {
  state: ConnectionState;
  /** Local changes the server has not confirmed yet. */
  waiting: number;
  lastSyncedAt: number | null;
  /** Why the server refused us (expired token, not a member…), when it did. */
  refusal: string | null;
  /** Editors connected to the story now (this one included). */
  people: { name: string; role: string }[];
  /** Open conflicts, recounted whenever the document changes. */
  conflicts: number;
}

const COMPACT_AFTER = 500;

/** A row's content and its last-edit time: what two editors' copies must share exactly. */
const exactKey = (row: Article | Annotation | ClaimGroup) => `${row.updatedAt}|${rowKey(row)}`;
/**
 * Reconnect attempts back off up to this (the provider's default is 30 s): an editor whose server
 * comes back expects to catch up within seconds, and one idle retry every 5 s costs nothing.
 */
const RECONNECT_MAX_DELAY_MS = 5000;

/** A conflict with the row it is about, in words (the tagged text, a group's label…). */
export interface ShownConflict {
  conflict: Conflict;
  subject: string;
  /** A group's emptying: what was edited and who left it empty (it names other rows). */
  detail: string | null;
}

export class StorySession {
  readonly doc = new Y.Doc();
  private provider: HocuspocusProvider | null = null;
  private socket: HocuspocusProviderWebsocket | null = null;
  private watch: Subscription | null = null;
  private running: Promise<void> = Promise.resolve();
  private listeners = new Set<(s: SyncStatus) => void>();
  private stored = 0;
  status: SyncStatus = {
    state: 'connecting',
    waiting: 0,
    lastSyncedAt: null,
    refusal: null,
    people: [],
    conflicts: 0,
  };

  constructor(
    private readonly work: CorroborateDatabase,
    private readonly sync: SyncDatabase,
    private link: StoryLink,
    /** Node tests pass `ws`; browsers use the global WebSocket. */
    private readonly WebSocketPolyfill?: unknown,
    private readonly now: () => number = Date.now,
  ) {}

  get story(): StoryLink {
    return this.link;
  }

  /** Loads the local copy, starts projecting and connects. Works offline from the first call. */
  async open(): Promise<void> {
    const updates = await this.sync.updates.where('story').equals(this.link.id).toArray();
    this.stored = updates.length;
    Y.transact(this.doc, () => updates.forEach((u) => Y.applyUpdate(this.doc, u.update)), 'import');
    // Changes made before a reload or crash are still waiting until the server confirms them.
    this.setStatus({ waiting: this.link.waiting ?? 0, lastSyncedAt: this.link.lastSyncedAt });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      void this.persist(update);
      if (origin === 'local') this.setWaiting(this.status.waiting + 1);
      else this.schedule();
    });
    this.observe();
    this.connect();
  }

  /** Watches the story's store rows; re-made when the story gains articles (new ranges). */
  private observe() {
    this.watch?.unsubscribe();
    this.watch = liveQuery(() => this.localRows()).subscribe({ next: () => this.schedule() });
  }

  private connect() {
    this.socket = new HocuspocusProviderWebsocket({
      url: this.link.server,
      maxDelay: RECONNECT_MAX_DELAY_MS,
      ...(this.WebSocketPolyfill ? { WebSocketPolyfill: this.WebSocketPolyfill } : {}),
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: this.link.id,
      token: this.link.token,
      document: this.doc,
      onStatus: ({ status }) =>
        this.setStatus({
          state:
            status === 'connected'
              ? 'connected'
              : status === 'connecting'
                ? 'connecting'
                : 'offline',
        }),
      onAuthenticationFailed: ({ reason }) => this.setStatus({ state: 'refused', refusal: reason }),
      onUnsyncedChanges: ({ number }) => {
        if (number === 0) this.markSynced();
      },
      onSynced: () => this.markSynced(),
    });
    this.provider.attach();
    // Who is on the story: each profile announces its editor name and role.
    this.provider.setAwarenessField('user', { name: this.link.editor, role: this.link.role });
    this.provider.awareness?.on('change', () => this.setStatus({ people: this.people() }));
  }

  private people(): { name: string; role: string }[] {
    const states = this.provider?.awareness?.getStates() ?? new Map();
    const seen = new Map<string, { name: string; role: string }>();
    for (const s of states.values()) {
      const user = (s as { user?: { name?: unknown; role?: unknown } }).user;
      if (typeof user?.name === 'string') {
        seen.set(user.name, { name: user.name, role: String(user.role ?? 'editor') });
      }
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private setWaiting(waiting: number) {
    this.link = { ...this.link, waiting };
    void this.sync.stories.update(this.link.id, { waiting });
    this.setStatus({ waiting });
  }

  private markSynced() {
    const lastSyncedAt = this.now();
    this.link = { ...this.link, lastSyncedAt, waiting: 0 };
    void this.sync.stories.update(this.link.id, { lastSyncedAt, waiting: 0 });
    this.setStatus({ waiting: 0, lastSyncedAt });
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private setStatus(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  private async persist(update: Uint8Array) {
    await this.sync.updates.add({ story: this.link.id, update });
    if (++this.stored > COMPACT_AFTER) {
      // Replace the log by one merged update, in one transaction (never half-compacted).
      const merged = Y.encodeStateAsUpdate(this.doc);
      await this.sync.transaction('rw', this.sync.updates, async () => {
        await this.sync.updates.where('story').equals(this.link.id).delete();
        await this.sync.updates.add({ story: this.link.id, update: merged });
      });
      this.stored = 1;
    }
  }

  /** The store rows that belong to this story (tombstones included). */
  private async localRows(): Promise<TableRows> {
    const ids = new Set(this.link.articleIds);
    const articles = await this.work.articles
      .where('id')
      .anyOf([...ids])
      .toArray();
    const annotations = await this.work.annotations.ofArticles([...ids]);
    const docGroups = new Set<string>(this.doc.getMap('groups').keys());
    const groupIds = new Set([
      ...docGroups,
      ...annotations.map((a) => a.groupId).filter((g): g is string => g !== null),
    ]);
    const groups = (await this.work.groups.bulkGet([...groupIds])).filter(
      (g): g is ClaimGroup => g !== undefined,
    );
    return { articles, annotations, groups };
  }

  /** Runs reconciliations one at a time, in order. */
  schedule(): Promise<void> {
    this.running = this.running
      .then(() => this.reconcile())
      .catch((e: unknown) => {
        console.error('sync: reconcile failed', e);
      });
    return this.running;
  }

  private async reconcile(): Promise<void> {
    const readOnly = this.link.role === 'viewer';
    const local = await this.localRows();
    const agreed = new Map(Object.entries(this.link.agreed));
    const plan = reconcile(local, readStory(this.doc), agreed);
    if (!readOnly) {
      for (const p of plan.push) {
        // Annotations made before sharing have no author: they are this editor's.
        const after =
          p.table === 'annotations' && (p.after as Annotation).author === null
            ? { ...(p.after as Annotation), author: this.link.editor }
            : p.after;
        applyRowChange(this.doc, p.table, p.before, after, this.link.editor, this.now(), 'local');
      }
    }
    const story = readStory(this.doc);
    if (story.conflicts.length !== this.status.conflicts) {
      this.setStatus({ conflicts: story.conflicts.length });
    }
    const next: Record<string, string> = {};
    const pull: { articles: Article[]; annotations: Annotation[]; groups: ClaimGroup[] } = {
      articles: [],
      annotations: [],
      groups: [],
    };
    // A row is pulled when it differs from the document in anything, its last-edit time
    // included: every editor's copy (and so every export) must be the same, byte for byte.
    const localKeys = new Map<string, string>();
    for (const table of ['articles', 'annotations', 'groups'] as const) {
      for (const r of local[table]) localKeys.set(`${table}/${r.id}`, exactKey(r));
      for (const r of story[table]) {
        const key = `${table}/${r.id}`;
        next[key] = rowKey(r);
        // A viewer's local edits never reach the server: the document's value wins locally too.
        if (localKeys.get(key) !== exactKey(r)) (pull[table] as (typeof r)[]).push(r);
      }
    }
    const articleIds = [...new Set([...this.link.articleIds, ...story.articles.map((a) => a.id)])];
    if (pull.articles.length + pull.annotations.length + pull.groups.length > 0) {
      await this.work.transaction(
        'rw',
        [this.work.articles, ...this.work.annotations.tables, this.work.groups],
        async () => {
          // Only over rows still as read above: an edit the editor made meanwhile is never
          // overwritten; it has triggered its own reconciliation, which pushes it first.
          const unchanged = async <T extends Article | Annotation | ClaimGroup>(
            table: 'articles' | 'annotations' | 'groups',
            rows: T[],
          ): Promise<T[]> => {
            const ids = rows.map((r) => r.id);
            const now = (await (table === 'annotations'
              ? this.work.annotations.bulkGet(
                  ids,
                  (rows as Annotation[]).map((r) => r.articleId),
                )
              : (this.work[table] as Table<T, string>).bulkGet(ids))) as (T | undefined)[];
            return rows.filter((r, i) => {
              const cur = now[i];
              return localKeys.get(`${table}/${r.id}`) === (cur ? exactKey(cur) : undefined);
            });
          };
          const articles = await unchanged('articles', pull.articles);
          await this.work.articles.bulkPut(
            articles.map((a) => ({
              ...a,
              origin: a.origin ?? { kind: 'sync', name: this.link.id, format: 'txt' },
            })),
          );
          await this.work.annotations.bulkPut(await unchanged('annotations', pull.annotations));
          await this.work.groups.bulkPut(await unchanged('groups', pull.groups));
        },
      );
    }
    const grew = articleIds.length !== this.link.articleIds.length;
    this.link = { ...this.link, agreed: next, articleIds };
    await this.sync.stories.put(this.link);
    if (grew && this.watch) this.observe();
  }

  conflicts(): ShownConflict[] {
    const story = readStory(this.doc);
    return story.conflicts.map((conflict) => ({
      conflict,
      subject: conflictSubject(story, conflict),
      detail:
        conflict.kind === 'emptied-while-edited' ? describeEmptiedGroup(story, conflict) : null,
    }));
  }

  /**
   * Settles a conflict (shared/sync/resolveConflict.ts): a field's value (shown or third); for a
   * delete or a group's emptying, null restores / keeps it and a time confirms the removal.
   */
  async resolve(conflict: Conflict, value: Scalar): Promise<void> {
    resolveConflict(this.doc, conflict, value, this.link.editor, this.now(), 'local');
    await this.schedule();
  }

  /** Stops syncing; the local copy of every row stays in the store. */
  async leave(): Promise<void> {
    this.close();
    this.link = { ...this.link, leftAt: this.now() };
    await this.sync.stories.put(this.link);
  }

  close(): void {
    this.watch?.unsubscribe();
    this.provider?.destroy();
    this.socket?.destroy();
    this.watch = null;
    this.provider = null;
    this.socket = null;
  }
}
