import type { Annotation, ClaimGroup } from '../../../shared/model/types';
import {
  detectConflicts,
  numbersCompatible,
  quoteIntegrity,
  statedNumbers,
  type ConflictReport,
  type QuoteIntegrity,
  type StatedNumber,
} from '../../../shared/matching';
import { GROUP_COLOURS } from '../annotate/highlightPainter';
import { byAge } from '../../../shared/rules/groups';

/**
 * What the review views show about a claim group, derived from its rows: who states the claim,
 * who agrees, who conflicts (and with which figure), and whether copies of a quote differ.
 * Pure: no DB, no DOM, so the matrix can be rendered from generated data in the benchmark.
 */

/** A member's place in its group: the oldest member states the claim, the rest agree or not. */
export type MemberState = 'states' | 'agrees' | 'conflicts';

export interface MemberView {
  annotation: Annotation;
  state: MemberState;
  /** The figures the member states, as written ("At least 101", "167"). */
  figures: string[];
  /** The figure that conflicts with the one stating the claim, if any. */
  conflictingValue: string | null;
}

export interface GroupSummary {
  group: ClaimGroup;
  /** Oldest first. */
  members: MemberView[];
  report: ConflictReport;
  /** Only for groups with at least two quotes. */
  integrity: QuoteIntegrity | null;
  conflicting: boolean;
  quoteDiffers: boolean;
}

/** A stable colour slot per group: by creation order, so every column paints a group alike. */
export function groupColours(groups: readonly ClaimGroup[]): Map<string, number> {
  const sorted = [...groups].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return new Map(sorted.map((g, i) => [g.id, i % GROUP_COLOURS]));
}

function figureOf(stated: StatedNumber[], raw: string, value: number): StatedNumber | undefined {
  return stated.find((n) => n.raw === raw && n.value === value);
}

export function summarizeGroup(group: ClaimGroup, rows: readonly Annotation[]): GroupSummary {
  const members = [...rows].sort(byAge);
  const report = detectConflicts(
    members.map((m) => ({
      annotationId: m.id,
      articleId: m.articleId,
      text: m.quote.exact,
      stance: m.stance,
    })),
  );
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
  // Differing figures: compare each member with the first (oldest) member stating that quantity.
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
  const quotes = members.filter((m) => m.kind === 'quote');
  const integrity =
    quotes.length >= 2
      ? quoteIntegrity(quotes.map((m) => ({ annotationId: m.id, text: m.quote.exact })))
      : null;
  return {
    group,
    members: members.map((m) => views.get(m.id)!),
    report,
    integrity,
    conflicting: report.conflicting,
    quoteDiffers: integrity?.differs ?? false,
  };
}

/** Summaries of all groups, oldest group first; `annotations` may hold ungrouped rows too. */
export function summarizeGroups(
  groups: readonly ClaimGroup[],
  annotations: readonly Annotation[],
): GroupSummary[] {
  const byGroup = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (!a.groupId) continue;
    const list = byGroup.get(a.groupId);
    if (list) list.push(a);
    else byGroup.set(a.groupId, [a]);
  }
  return [...groups]
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((g) => summarizeGroup(g, byGroup.get(g.id) ?? []));
}

// ---- Claims matrix ----------------------------------------------------------------------------

export type CellState = MemberState | 'silent';

export interface MatrixSource {
  id: string;
  title: string;
  source: string | null;
}

export interface MatrixCell {
  articleId: string;
  state: CellState;
  /** The figure shown in the cell (the conflicting one for 'conflicts'). */
  value: string | null;
  /** The member the cell opens in review (null when silent). */
  annotationId: string | null;
  /** Tooltip: what the members in this source say. */
  title: string;
}

export interface MatrixRow {
  groupId: string;
  label: string;
  conflicting: boolean;
  quoteDiffers: boolean;
  cells: MatrixCell[];
}

export interface MatrixData {
  sources: MatrixSource[];
  rows: MatrixRow[];
}

const CELL_PRIORITY: Record<MemberState, number> = { conflicts: 3, states: 2, agrees: 1 };
const STATE_WORDS: Record<CellState, string> = {
  states: 'states the claim',
  agrees: 'agrees',
  conflicts: 'conflicts',
  silent: 'silent',
};

export function cellStateWords(state: CellState): string {
  return STATE_WORDS[state];
}

export function buildMatrix(
  summaries: readonly GroupSummary[],
  sources: readonly MatrixSource[],
): MatrixData {
  const rows = summaries.map((s): MatrixRow => {
    const byArticle = new Map<string, MemberView[]>();
    for (const m of s.members) {
      const list = byArticle.get(m.annotation.articleId);
      if (list) list.push(m);
      else byArticle.set(m.annotation.articleId, [m]);
    }
    const cells = sources.map((src): MatrixCell => {
      const members = byArticle.get(src.id);
      if (!members) {
        return {
          articleId: src.id,
          state: 'silent',
          value: null,
          annotationId: null,
          title: `${src.title}: silent`,
        };
      }
      const lead = [...members].sort((a, b) => CELL_PRIORITY[b.state] - CELL_PRIORITY[a.state])[0]!;
      return {
        articleId: src.id,
        state: lead.state,
        value: lead.conflictingValue ?? lead.figures[0] ?? null,
        annotationId: lead.annotation.id,
        title: `${src.title}: ${members
          .map((m) => `${STATE_WORDS[m.state]} — “${m.annotation.quote.exact}”`)
          .join('\n')}`,
      };
    });
    return {
      groupId: s.group.id,
      label: s.group.label,
      conflicting: s.conflicting,
      quoteDiffers: s.quoteDiffers,
      cells,
    };
  });
  return { sources: [...sources], rows };
}
