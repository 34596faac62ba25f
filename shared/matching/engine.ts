import { addArticle, emptyCorpusIndex, removeArticle } from './corpus';
import { likelyHere } from './likely';
import type { MatchingRequest, MatchingResponse } from './protocol';
import { findQuoteInSources } from './quotes';
import { suggestMatches } from './suggest';

type Query = Exclude<MatchingRequest, { type: 'sync' } | { type: 'cancel' }>;

// shared/ is typed without DOM or Node globals; every runtime it runs in has setTimeout.
const timers = globalThis as unknown as { setTimeout(run: () => void, ms: number): unknown };
/** Lets other messages in between chunks of work (a macrotask, so onmessage runs). */
const yieldToMessages = () => new Promise<void>((resolve) => timers.setTimeout(resolve, 0));

/**
 * What the matching worker runs, kept free of worker globals so tests drive it directly: an
 * incremental index synced from the library (one article per chunk, with progress), and a queue
 * of queries answered once the index is current. Queries wait for a sync in progress; cancel
 * drops a queued query.
 */
export class MatchingEngine {
  private readonly index = emptyCorpusIndex();
  private readonly hashes = new Map<string, string>();
  private pendingSync: Extract<MatchingRequest, { type: 'sync' }> | null = null;
  private readonly queue: Query[] = [];
  private running = false;

  constructor(private readonly post: (message: MatchingResponse) => void) {}

  handle(message: MatchingRequest): void {
    switch (message.type) {
      case 'sync':
        this.pendingSync = message; // a newer library supersedes an older one not yet applied
        break;
      case 'cancel': {
        const at = this.queue.findIndex((q) => q.id === message.id);
        if (at >= 0) {
          this.queue.splice(at, 1);
          this.post({ type: 'cancelled', id: message.id });
        }
        return;
      }
      default:
        this.queue.push(message);
    }
    void this.run();
  }

  /** Articles currently indexed (for tests and diagnostics). */
  get size(): number {
    return this.index.articles.size;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await yieldToMessages(); // let a burst of messages (and cancels) arrive first
      while (this.pendingSync || this.queue.length > 0) {
        if (this.pendingSync) await this.applySync();
        else this.answer(this.queue.shift()!);
        await yieldToMessages();
      }
    } finally {
      this.running = false;
    }
  }

  private async applySync(): Promise<void> {
    const sync = this.pendingSync!;
    this.pendingSync = null;
    const wanted = new Map(sync.articles.map((a) => [a.id, a]));
    for (const id of [...this.hashes.keys()]) {
      if (!wanted.has(id)) {
        removeArticle(this.index, id);
        this.hashes.delete(id);
      }
    }
    const changed = sync.articles.filter((a) => this.hashes.get(a.id) !== a.hash);
    let done = 0;
    for (const a of changed) {
      if (this.pendingSync) return; // superseded: the newer sync continues from here
      addArticle(this.index, a);
      this.hashes.set(a.id, a.hash);
      done++;
      if (changed.length > 1) this.post({ type: 'progress', done, total: changed.length });
      await yieldToMessages();
    }
    this.post({ type: 'ready', articles: this.index.articles.size, version: this.index.version });
  }

  private answer(q: Query): void {
    try {
      switch (q.type) {
        case 'suggest':
          this.post({
            type: 'suggestions',
            id: q.id,
            suggestions: suggestMatches(this.index, q.query, q.options),
          });
          break;
        case 'findQuote':
          this.post({
            type: 'quotes',
            id: q.id,
            occurrences: findQuoteInSources(this.index, q.text, q.options),
          });
          break;
        case 'likely': {
          const groups: Record<
            string,
            Record<string, ReturnType<typeof likelyHere> extends Map<string, infer V> ? V : never>
          > = {};
          for (const g of q.groups) {
            groups[g.groupId] = Object.fromEntries(likelyHere(this.index, g.members, g.articleIds));
          }
          this.post({ type: 'likely', id: q.id, groups });
          break;
        }
      }
    } catch (e) {
      this.post({ type: 'error', id: q.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
}
