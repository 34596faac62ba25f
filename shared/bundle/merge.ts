/**
 * Import planning, pure: which rows to put so that the workspace gains what the bundle has and
 * loses nothing it had. The renderer applies a plan with bulkPut on each store inside ONE Dexie
 * transaction (articles, groups, annotations, review), so an import is all or nothing.
 *
 * Rules:
 *  - Articles: the same sha256 is the same article; incoming annotations are re-pointed to the
 *    local id. Its metadata (title, source, authors, url, language, date, structure) is taken
 *    only when the incoming copy is newer.
 *    A new article keeps its id unless that id is taken locally, then it gets a fresh one.
 *  - Annotations and groups: same id = same thing; the incoming copy wins only if its updatedAt
 *    is later (ties keep the local row, which makes a second import of the same bundle a no-op).
 *  - An incoming annotation whose position no longer shows its quote is re-anchored (reanchor.ts).
 *    If that is not confident it goes to the review queue with the reason and any proposal —
 *    never dropped, never placed by a guess — and the summary names it.
 */
import type { Annotation, Article, ClaimGroup, ReanchorItem } from '../model/types';
import { isPlaced, reanchor } from '../anchoring/reanchor';
import { buildQuoteSelector, selectorsMatch } from '../anchoring/selectors';
import { excerpt } from './jsonld';
import type { ExistingWorkspace, ParsedBundle } from './types';

export interface ReviewEntry {
  annotationId: string;
  articleTitle: string;
  quote: string;
  reason: ReanchorItem['reason'];
  proposal: ReanchorItem['proposal'];
}

export interface MergeSummary {
  articles: { added: number; updated: number; matched: number };
  annotations: {
    added: number;
    updated: number;
    unchanged: number;
    keptLocal: number;
    reanchored: number;
  };
  groups: { added: number; updated: number; unchanged: number; keptLocal: number };
  /** Annotations sent to the review queue, by name, for the import report. */
  review: ReviewEntry[];
}

export interface MergePlan {
  /** Rows to bulkPut, all in one transaction. Articles before annotations is not required by Dexie but reads naturally. */
  articles: Article[];
  groups: ClaimGroup[];
  annotations: Annotation[];
  review: ReanchorItem[];
  summary: MergeSummary;
  /**
   * Incoming article id → id it has in the workspace after the merge. A Map, not an object:
   * ids are data, and an id like "__proto__" must not reach Object.prototype.
   */
  articleIdMap: Map<string, string>;
  /** True when applying the plan would change nothing (e.g. the same bundle imported twice). */
  empty: boolean;
}

export interface MergeOptions {
  /** Id for an incoming article whose id is taken by a different local article. */
  newId?: () => string;
  /** Called every 500 annotations; planMerge is synchronous (see bench for timings). */
  onProgress?: (done: number, total: number) => void;
}

export function planMerge(
  existing: ExistingWorkspace,
  incoming: ParsedBundle,
  now: number,
  opts: MergeOptions = {},
): MergePlan {
  const merge = beginMerge(existing, incoming, now, opts);
  merge.groups(incoming.groups);
  const total = incoming.annotations.length;
  for (let i = 0; i < total; i += 500) {
    opts.onProgress?.(i, total);
    merge.annotations(incoming.annotations.slice(i, i + 500));
  }
  opts.onProgress?.(total, total);
  return merge.end();
}

/**
 * planMerge in steps, for an import that writes while it reads (shared/bundle/staged.ts):
 * articles are planned at once (and can be written while the rest of the bundle is read);
 * `groups` plans the groups, once, before any annotation; `annotations` plans a chunk (in bundle
 * order) and returns its rows to write; `end` gives the whole plan. Each chunk's plan depends
 * only on the existing workspace and the bundle's articles, so the steps plan exactly what
 * planMerge does.
 */
export interface MergeSteps {
  articles: Article[];
  groups(incoming: ClaimGroup[]): ClaimGroup[];
  annotations(chunk: Annotation[]): Annotation[];
  end(): MergePlan;
}

export function beginMerge(
  existing: ExistingWorkspace,
  incoming: Pick<ParsedBundle, 'articles'>,
  now: number,
  opts: Pick<MergeOptions, 'newId'> = {},
): MergeSteps {
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const summary: MergeSummary = {
    articles: { added: 0, updated: 0, matched: 0 },
    annotations: { added: 0, updated: 0, unchanged: 0, keptLocal: 0, reanchored: 0 },
    groups: { added: 0, updated: 0, unchanged: 0, keptLocal: 0 },
    review: [],
  };

  const localBySha = new Map(existing.articles.map((a) => [a.sha256, a]));
  const takenIds = new Set(existing.articles.map((a) => a.id));
  const articleIdMap = new Map<string, string>();
  const textOf = new Map<string, Article>(); // final id → article (for re-anchoring)
  const articles: Article[] = [];
  for (const a of incoming.articles) {
    const local = localBySha.get(a.sha256);
    if (local) {
      articleIdMap.set(a.id, local.id);
      textOf.set(local.id, local);
      summary.articles.matched++;
      if (local.deletedAt !== null) {
        // Deleted here, brought back by the bundle: the same row lives again, with the bundle's fields.
        articles.push({ ...a, id: local.id, createdAt: local.createdAt, deletedAt: null });
        summary.articles.updated++;
        continue;
      }
      if (
        a.updatedAt > local.updatedAt &&
        (a.title !== local.title ||
          a.source !== local.source ||
          a.date !== local.date ||
          a.url !== local.url ||
          a.language !== local.language ||
          a.authors.join('\n') !== local.authors.join('\n') ||
          JSON.stringify(a.structure) !== JSON.stringify(local.structure))
      ) {
        articles.push({
          ...local,
          title: a.title,
          source: a.source,
          authors: a.authors,
          url: a.url,
          language: a.language,
          date: a.date,
          structure: a.structure,
          updatedAt: a.updatedAt,
        });
        summary.articles.updated++;
      }
      continue;
    }
    const id = takenIds.has(a.id) ? newId() : a.id;
    takenIds.add(id);
    articleIdMap.set(a.id, id);
    const article = { ...a, id };
    textOf.set(id, article);
    articles.push(article);
    localBySha.set(a.sha256, article);
    summary.articles.added++;
  }

  const groups: ClaimGroup[] = [];
  function planGroups(incomingGroups: ClaimGroup[]): ClaimGroup[] {
    const localGroups = new Map(existing.groups.map((g) => [g.id, g]));
    for (const g of incomingGroups) {
      const local = localGroups.get(g.id);
      const verdict = compare(local, g);
      summary.groups[verdict]++;
      if (verdict === 'added' || verdict === 'updated') groups.push(g);
    }
    return groups;
  }

  // Annotations.
  const localAnnotations = new Map(existing.annotations.map((a) => [a.id, a]));
  const pendingReview = new Map((existing.review ?? []).map((r) => [r.annotation.id, r]));
  const annotations: Annotation[] = [];
  const review: ReanchorItem[] = [];

  function planAnnotations(chunk: Annotation[]): Annotation[] {
    const start = annotations.length;
    for (const a of chunk) {
      const verdict = compare(localAnnotations.get(a.id), a);
      if (verdict === 'unchanged' || verdict === 'keptLocal') {
        summary.annotations[verdict]++;
        continue;
      }
      const articleId = articleIdMap.get(a.articleId)!;
      const article = textOf.get(articleId)!;
      const moved: Annotation = { ...a, articleId };
      if (selectorsMatch(article.text, moved.position, moved.quote)) {
        annotations.push(moved);
        summary.annotations[verdict]++;
        continue;
      }
      const found = reanchor(article.text, moved);
      if (isPlaced(found)) {
        annotations.push({
          ...moved,
          position: { type: 'TextPositionSelector', start: found.start, end: found.end },
          quote: buildQuoteSelector(article.text, found.start, found.end),
        });
        summary.annotations[verdict]++;
        summary.annotations.reanchored++;
        continue;
      }
      const queued = pendingReview.get(a.id);
      if (queued && queued.annotation.updatedAt >= a.updatedAt) continue; // already waiting for the editor
      const item: ReanchorItem = {
        id: a.id,
        annotation: moved,
        reason: found.status,
        proposal: found.proposal,
        createdAt: now,
      };
      review.push(item);
      summary.review.push({
        annotationId: a.id,
        articleTitle: article.title,
        quote: excerpt(a.quote.exact),
        reason: found.status,
        proposal: found.proposal,
      });
    }
    return annotations.slice(start);
  }

  return {
    articles,
    groups: planGroups,
    annotations: planAnnotations,
    end: () => ({
      articles,
      groups,
      annotations,
      review,
      summary,
      articleIdMap,
      empty: articles.length + groups.length + annotations.length + review.length === 0,
    }),
  };
}

function compare(
  local: { updatedAt: number; deletedAt: number | null } | undefined,
  incoming: { updatedAt: number },
): 'added' | 'updated' | 'unchanged' | 'keptLocal' {
  if (!local) return 'added';
  // Importing a bundle is the editor asking for what it holds: a row deleted here comes back,
  // whatever the clocks say (bundles carry no tombstones, so nothing is deleted the other way).
  if (local.deletedAt !== null) return 'added';
  if (incoming.updatedAt > local.updatedAt) return 'updated';
  return incoming.updatedAt === local.updatedAt ? 'unchanged' : 'keptLocal';
}

/** The merged workspace a plan produces (what the transaction leaves behind); for tests and previews. */
export function applyPlan(ws: ExistingWorkspace, plan: MergePlan): Required<ExistingWorkspace> {
  const put = <T extends { id: string }>(rows: T[], puts: T[]): T[] => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of puts) byId.set(p.id, p);
    return [...byId.values()];
  };
  return {
    articles: put(ws.articles, plan.articles),
    annotations: put(ws.annotations, plan.annotations),
    groups: put(ws.groups, plan.groups),
    review: put(ws.review ?? [], plan.review),
  };
}
