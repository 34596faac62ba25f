import { quoteChangeWords } from '../matching/quotes';
import type { Annotation, ClaimGroup } from '../model/types';
import {
  detectConflicts,
  numbersCompatible,
  quoteIntegrity,
  statedNumbers,
  type ConflictReport,
  type QuoteIntegrity,
  type StatedNumber,
} from '../matching';
import { conflictStateOf } from './conflictState';
import { groupFacts } from './verdict';
import type {
  ConflictState,
  GroupSummary,
  MemberView,
  QuoteAlteration,
  QuoteSummary,
  SourceInfo,
  SummarySource,
} from './types';

/** Members in a stable order: oldest annotation first (the one that "states the claim"). */
export function byAge(a: Annotation, b: Annotation): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** Groups in a stable order: oldest first. */
export function groupsByAge(a: ClaimGroup, b: ClaimGroup): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

export type SourceLookup = ReadonlyMap<string, SourceInfo>;

export function sourceLookup(articles: readonly SourceInfo[]): SourceLookup {
  return new Map(articles.map((a) => [a.id, a]));
}

function summarySource(articleId: string, sources: SourceLookup): SummarySource {
  const a = sources.get(articleId);
  return {
    articleId,
    outlet: a ? (a.source ?? a.title) : 'a deleted article',
    title: a?.title ?? 'a deleted article',
    date: a?.date ?? null,
    url: a?.url ?? null,
  };
}

function figureOf(stated: StatedNumber[], raw: string, value: number): StatedNumber | undefined {
  return stated.find((n) => n.raw === raw && n.value === value);
}

/** Who states, agrees and conflicts, and with which figure (compared with the oldest member). */
function memberViews(members: Annotation[], report: ConflictReport): MemberView[] {
  const stated = new Map(members.map((m) => [m.id, statedNumbers(m.quote.exact)]));
  const views = new Map<string, MemberView>(
    members.map((m, i) => [
      m.id,
      {
        annotation: m,
        state: m.stance === 'conflicts' ? 'conflicts' : i === 0 ? 'states' : 'agrees',
        figures: stated.get(m.id)!.map((n) => n.raw),
        conflictingValue: null,
      },
    ]),
  );
  for (const q of report.quantities) {
    if (!q.conflicting) continue;
    const refId = members.find((m) => q.values.some((v) => v.annotationId === m.id))?.id;
    const refs = q.values
      .filter((v) => v.annotationId === refId)
      .map((v) => figureOf(stated.get(v.annotationId)!, v.raw, v.value))
      .filter((n): n is StatedNumber => !!n);
    for (const v of q.values) {
      if (v.annotationId === refId) continue;
      const n = figureOf(stated.get(v.annotationId)!, v.raw, v.value);
      if (!n || refs.some((r) => numbersCompatible(r, n))) continue;
      const view = views.get(v.annotationId)!;
      view.state = 'conflicts';
      view.conflictingValue ??= v.raw;
    }
  }
  return members.map((m) => views.get(m.id)!);
}

/** "At least 101 (LA Times) vs 167 (Breitbart)": each figure once per outlet, in member order. */
function figuresByOutlet(
  values: { raw: string; articleId: string }[],
  sources: SourceLookup,
  joiner: string,
): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const item = `${v.raw} (${summarySource(v.articleId, sources).outlet})`;
    if (!seen.has(item)) out.push(item);
    seen.add(item);
  }
  return out.join(joiner);
}

function explain(
  state: ConflictState,
  report: ConflictReport,
  members: MemberView[],
  sources: SourceLookup,
  sourceCount: number,
): string {
  const outletsOf = (ids: string[]) =>
    [
      ...new Set(
        members
          .filter((m) => ids.includes(m.annotation.id))
          .map((m) => summarySource(m.annotation.articleId, sources).outlet),
      ),
    ].join(', ');
  if (state === 'conflicting') {
    const lines = report.quantities
      .filter((q) => q.conflicting)
      .map((q) => `Different figures for ${q.key}: ${figuresByOutlet(q.values, sources, ' vs ')}`);
    for (const r of report.reasons) {
      if (r.kind === 'stance') lines.push(`Marked as conflicting: ${outletsOf(r.annotationIds)}`);
    }
    return lines.join('; ');
  }
  if (state === 'agrees' || state === 'consistent') {
    const verb = state === 'agrees' ? 'Same figure' : 'Compatible figures';
    return report.quantities
      .map((q) => `${verb} for ${q.key}: ${figuresByOutlet(q.values, sources, ', ')}`)
      .join('; ');
  }
  return sourceCount < 2 ? 'Only one source so far' : 'No figures to compare';
}

function quoteSummary(
  integrity: QuoteIntegrity,
  members: Annotation[],
  sources: SourceLookup,
): QuoteSummary {
  const byId = new Map(members.map((m) => [m.id, m]));
  const outletsOf = (ids: string[]) => [
    ...new Set(ids.map((id) => summarySource(byId.get(id)!.articleId, sources).outlet)),
  ];
  const [reference, ...others] = integrity.variants;
  const alterations: QuoteAlteration[] = [];
  for (const v of others) {
    // One entry per source, so "which outlet altered the quote" has one answer per outlet.
    const byArticle = new Map<string, string[]>();
    for (const id of v.annotationIds) {
      const articleId = byId.get(id)!.articleId;
      byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), id]);
    }
    for (const [articleId, annotationIds] of byArticle) {
      alterations.push({
        articleId,
        outlet: summarySource(articleId, sources).outlet,
        annotationIds,
        changes: v.diff!.changes,
        diff: v.diff!,
      });
    }
  }
  const referenceOutlets = reference ? outletsOf(reference.annotationIds) : [];
  const explanation = integrity.differs
    ? alterations
        .map((a) => {
          const what = a.changes.map(quoteChangeWords).join(', ');
          return `${what.charAt(0).toUpperCase()}${what.slice(1)} by ${a.outlet}`;
        })
        .join('; ')
    : `Same words in ${outletsOf(members.map((m) => m.id)).length} sources`;
  const referenceMember = reference ? byId.get(reference.annotationIds[0]!) : undefined;
  return {
    differs: integrity.differs,
    referenceOutlets,
    referenceText: referenceMember?.quote.exact ?? '',
    alterations,
    explanation,
  };
}

/**
 * Summarises one group from its live member rows. `articles` names the sources (outlet, title,
 * date, URL) in explanations; rows with a tombstone must already be filtered out by the caller.
 */
export function summarizeGroup(
  group: ClaimGroup,
  rows: readonly Annotation[],
  articles: SourceLookup = new Map(),
): GroupSummary {
  const members = [...rows].sort(byAge);
  const report = detectConflicts(
    members.map((m) => ({
      annotationId: m.id,
      articleId: m.articleId,
      text: m.quote.exact,
      stance: m.stance,
    })),
  );
  const views = memberViews(members, report);
  const sourceIds = [...new Set(members.map((m) => m.articleId))];
  const state = conflictStateOf(report);
  const quotes = members.filter((m) => m.kind === 'quote');
  const integrity =
    quotes.length >= 2
      ? quoteIntegrity(quotes.map((m) => ({ annotationId: m.id, text: m.quote.exact })))
      : null;
  const conflicts = views.filter((v) => v.state === 'conflicts').length;
  return {
    group,
    label: group.label,
    members: views,
    sources: sourceIds.map((id) => summarySource(id, articles)),
    report,
    integrity,
    state,
    explanation: explain(state, report, views, articles, sourceIds.length),
    conflicting: state === 'conflicting',
    quote: integrity ? quoteSummary(integrity, quotes, articles) : null,
    quoteDiffers: integrity?.differs ?? false,
    stance: { agrees: views.length - conflicts, conflicts },
    ...groupFacts(group),
  };
}

/** Summaries of all groups, oldest group first; `annotations` may hold ungrouped rows too. */
export function summarizeGroups(
  groups: readonly ClaimGroup[],
  annotations: readonly Annotation[],
  articles: SourceLookup = new Map(),
): GroupSummary[] {
  const byGroup = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (!a.groupId) continue;
    const list = byGroup.get(a.groupId);
    if (list) list.push(a);
    else byGroup.set(a.groupId, [a]);
  }
  return [...groups]
    .sort(groupsByAge)
    .map((g) => summarizeGroup(g, byGroup.get(g.id) ?? [], articles));
}
