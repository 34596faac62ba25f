import { compareIntervals, extractFrames, measureName, sameMeasure } from './frames';
import type { FrameVerdict, QuantityFrame } from './frames';
import { statedNumbers } from './statedNumbers';

export { statedNumbers } from './statedNumbers';
export type { StatedNumber } from './statedNumbers';

export interface ConflictMember {
  annotationId: string;
  articleId: string;
  text: string;
  stance: 'agrees' | 'conflicts' | null;
}

export interface QuantityValue {
  annotationId: string;
  articleId: string;
  value: number;
  /** As written, qualifier included ("nearly 500", "At least 101"). */
  raw: string;
}

export interface Quantity {
  /** What is measured: the event counted ("injured"), the head noun or the unit. */
  key: string;
  values: QuantityValue[];
  /** Members state figures for this quantity that cannot be the same figure. */
  conflicting: boolean;
  /** Worst verdict over pairs of members: clash > consistent > agree. */
  verdict: Exclude<FrameVerdict, 'unrelated'>;
}

export type ConflictReason =
  | { kind: 'numbers'; key: string; message: string }
  | { kind: 'stance'; annotationIds: string[]; message: string };

export type ConflictState = 'agrees' | 'conflicting' | 'consistent' | 'none';

export interface ConflictReport {
  /** Same as `state === 'conflicting'`. */
  conflicting: boolean;
  /**
   * conflicting: two members state the same measure with incompatible values (or a member is
   * marked as conflicting); consistent: shared measures differ only within a stated bound ("at
   * least 101" / 167); agrees: shared measures agree; none: no measure stated by two members.
   */
  state: ConflictState;
  /** One line for every surface: "injured: 80 vs about 50", "consistent: at least 101 vs 167". */
  explanation: string;
  reasons: ConflictReason[];
  /** Quantities stated by at least two members. */
  quantities: Quantity[];
}

interface Stated {
  member: number;
  f: QuantityFrame;
  /** Name words the figure is about ("los", "angeles"), from statedNumbers. */
  about: string[];
}

const COMPARABLE = new Set(['count', 'measure', 'percent']);
const RANK: Record<Exclude<FrameVerdict, 'unrelated'>, number> = {
  agree: 0,
  consistent: 1,
  clash: 2,
};

/** Figures of a member that a group can compare (counts and measures, never dates or money). */
export function statedFrames(text: string): QuantityFrame[] {
  return extractFrames(text).filter((f) => COMPARABLE.has(f.type) && !Number.isNaN(f.value));
}

/**
 * Whether two figures of different members speak of the same quantity: the same measure, or,
 * when a figure names nothing it counts ("Los Angeles, California (101)"), each member states
 * only one such figure (a group links members that make the same claim).
 */
function sameQuantity(a: Stated, b: Stated, singles: boolean, all: Stated[]): boolean {
  // Where a member states several figures of one measure, figures about different names are
  // different quantities (167 in Los Angeles, 107 in Philadelphia); otherwise names differ only
  // in how outlets write them ("Mich." / "Michigan").
  const named = a.about.length > 0 && b.about.length > 0;
  const sharedPlace = named && a.about.some((w) => b.about.includes(w));
  const several = (x: Stated) =>
    all.filter((o) => o.member === x.member && sameMeasure(o.f, x.f)).length > 1;
  if (named && !sharedPlace && (several(a) || several(b))) return false;
  if (sameMeasure(a.f, b.f)) return true;
  if (a.f.type !== 'count' || b.f.type !== 'count') return false;
  const vague = (f: QuantityFrame) => f.event === null && f.head === null;
  return (vague(a.f) || vague(b.f)) && (singles || sharedPlace);
}

/**
 * The group's verdict from quantity frames: "killing 10 people and injuring 80" vs "Ten people are
 * killed and about 50 hurt" is conflicting ("injured: 80 vs about 50"); "at least 101" vs 167 is
 * consistent; 498 vs "nearly 500" agrees. A member's stance 'conflicts' makes it conflicting too.
 */
export function detectConflicts(members: ConflictMember[]): ConflictReport {
  const stated: Stated[] = members.flatMap((m, member) => {
    const names = statedNumbers(m.text);
    return statedFrames(m.text).map((f) => ({
      member,
      f,
      about: names.find((n) => n.valueStart >= f.start && n.valueEnd <= f.end)?.context ?? [],
    }));
  });
  const perMember = new Map<number, number>();
  for (const s of stated) perMember.set(s.member, (perMember.get(s.member) ?? 0) + 1);
  const singles = [...perMember.values()].every((n) => n === 1);

  // Union-find over figures of different members that speak of the same quantity.
  const parent = stated.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < stated.length; i++) {
    for (let j = i + 1; j < stated.length; j++) {
      if (stated[i]!.member === stated[j]!.member) continue;
      if (sameQuantity(stated[i]!, stated[j]!, singles, stated)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Stated[]>();
  stated.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });

  const quantities: Quantity[] = [];
  const reasons: ConflictReason[] = [];
  const lines: { verdict: Quantity['verdict']; text: string }[] = [];
  for (const items of groups.values()) {
    if (new Set(items.map((s) => s.member)).size < 2) continue;
    let verdict: Quantity['verdict'] = 'agree';
    for (const a of items) {
      for (const b of items) {
        if (a.member >= b.member) continue;
        const v = compareIntervals(a.f, b.f);
        if (v !== 'unrelated' && RANK[v] > RANK[verdict]) verdict = v;
      }
    }
    const named = items.find((s) => s.f.event ?? s.f.head ?? s.f.unit) ?? items[0]!;
    const key = measureName(named.f) === 'count' ? 'figure' : measureName(named.f);
    quantities.push({
      key,
      verdict,
      conflicting: verdict === 'clash',
      values: items.map(({ member, f }) => ({
        annotationId: members[member]!.annotationId,
        articleId: members[member]!.articleId,
        value: f.value,
        raw: f.raw,
      })),
    });
    const figures = [...new Set(items.map((s) => s.f.raw))].join(' vs ');
    lines.push({ verdict, text: `${key}: ${figures}` });
    if (verdict === 'clash') {
      reasons.push({ kind: 'numbers', key, message: `Different figures for ${key}: ${figures}` });
    }
  }
  const disputing = members.filter((m) => m.stance === 'conflicts').map((m) => m.annotationId);
  if (disputing.length > 0) {
    reasons.push({
      kind: 'stance',
      annotationIds: disputing,
      message: `${disputing.length} member(s) marked as conflicting`,
    });
  }
  const clashes = lines.filter((l) => l.verdict === 'clash');
  const consistent = lines.filter((l) => l.verdict === 'consistent');
  let state: ConflictState;
  let explanation: string;
  if (clashes.length > 0) {
    state = 'conflicting';
    explanation = clashes.map((l) => l.text).join('; ');
  } else if (disputing.length > 0) {
    state = 'conflicting';
    explanation = `${disputing.length} member(s) marked as conflicting`;
  } else if (consistent.length > 0) {
    state = 'consistent';
    explanation = `consistent: ${consistent.map((l) => l.text).join('; ')}`;
  } else if (lines.length > 0) {
    state = 'agrees';
    explanation = `agrees: ${lines.map((l) => l.text).join('; ')}`;
  } else {
    state = 'none';
    explanation = 'no figure stated by two members';
  }
  return { conflicting: state === 'conflicting', state, explanation, reasons, quantities };
}
