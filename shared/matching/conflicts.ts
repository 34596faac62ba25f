import { extractNumbers, numbersCompatible, unitClass } from './numbers';
import { findEntities } from './tokens';
import type { Entity, ExtractedNumber } from './types';

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
  /** Readable key: the counted noun and the place/name it is about ("people · los angeles"). */
  key: string;
  values: QuantityValue[];
  /** Members state figures for this quantity that cannot be the same figure. */
  conflicting: boolean;
}

export type ConflictReason =
  | { kind: 'numbers'; key: string; message: string }
  | { kind: 'stance'; annotationIds: string[]; message: string };

export interface ConflictReport {
  conflicting: boolean;
  reasons: ConflictReason[];
  /** Quantities stated by at least two members. */
  quantities: Quantity[];
}

/** A figure with what it is about: stemmed unit plus name words near it. */
export interface StatedNumber extends ExtractedNumber {
  /** Lower-cased words of the names the figure is about ("los", "angeles", "county"). */
  context: string[];
  /** Those names whole ("los angeles county"), for labels. */
  about: string[];
}

/** Name words too generic to tell two places apart. */
const GENERIC = new Set(['county', 'city', 'state', 'the', 'of']);

/**
 * The figures a text states, each with the names it is about: for "(101)" after a list item the
 * names before it ("Los Angeles, California (101)"); otherwise names after it up to the next
 * comma or figure ("167 arrests were made in and around Los Angeles"), else names before it.
 */
export function statedNumbers(text: string): StatedNumber[] {
  const numbers = extractNumbers(text);
  const entities = findEntities(text);
  const namesIn = (from: number, to: number) =>
    entities.filter((e) => e.start >= from && e.end <= to);
  return numbers.map((n, i) => {
    const prevEnd = i > 0 ? numbers[i - 1]!.end : 0;
    const nextStart = i + 1 < numbers.length ? numbers[i + 1]!.start : text.length;
    const lineStart = text.lastIndexOf('\n', n.start - 1) + 1;
    const stop = /[.;\n]\s/g;
    stop.lastIndex = prevEnd;
    let sentenceStart = Math.max(prevEnd, lineStart);
    for (let m = stop.exec(text); m && m.index < n.start; m = stop.exec(text)) {
      sentenceStart = Math.max(sentenceStart, m.index + m[0].length);
    }
    const before = namesIn(sentenceStart, n.start);
    const parenthesised = text[n.valueStart - 1] === '(';
    let context: Entity[];
    if (parenthesised) context = before;
    else {
      const rest = text.slice(n.end, nextStart);
      const cut = rest.search(/[,;.\n]/);
      const after = namesIn(n.end, n.end + (cut < 0 ? rest.length : cut));
      context = after.length > 0 ? after : before;
    }
    const words = context.flatMap((e) => e.words).filter((w) => !GENERIC.has(w));
    return { ...n, context: [...new Set(words)], about: [...new Set(context.map((e) => e.key))] };
  });
}

interface Stated {
  member: number;
  n: StatedNumber;
}

/** Whether two figures from different members speak of the same quantity. */
function sameQuantity(a: Stated, b: Stated, singles: boolean): boolean {
  if (a.n.kind !== b.n.kind) return false;
  const ua = unitClass(a.n.unit);
  const ub = unitClass(b.n.unit);
  if (ua !== null && ub !== null && ua !== ub) return false;
  if (a.n.context.length > 0 && b.n.context.length > 0) {
    return a.n.context.some((w) => b.n.context.includes(w));
  }
  if (numbersCompatible(a.n, b.n)) return true;
  if (ua !== null && ub !== null) return true;
  // Bare figures with nothing to tell them apart: the same quantity only if each member states
  // one figure (a group links members that make the same claim).
  return singles;
}

function quantityKey(items: Stated[]): string {
  const count = (values: (string | null)[]): string | null => {
    const tally = new Map<string, number>();
    for (const v of values) if (v !== null) tally.set(v, (tally.get(v) ?? 0) + 1);
    return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  const unit = count(items.map((s) => unitClass(s.n.unit)));
  const place = count(items.flatMap((s) => s.n.about));
  return [unit ?? 'figure', place].filter((p) => p !== null).join(' · ');
}

/**
 * Whether a claim group is conflicting: members state different figures for the same quantity
 * (101 vs 167 arrests in Los Angeles; "at least 101" vs 167 too, since editors want differing
 * stated figures flagged), or a member's stance is 'conflicts'. Approximations are not
 * conflicts: "nearly 500" agrees with 498.
 */
export function detectConflicts(members: ConflictMember[]): ConflictReport {
  const stated: Stated[] = members.flatMap((m, member) =>
    statedNumbers(m.text).map((n) => ({ member, n })),
  );
  const withNumbers = new Set(stated.map((s) => s.member));
  const singles = [...withNumbers].every((m) => stated.filter((s) => s.member === m).length === 1);

  // Union-find over figures of different members that speak of the same quantity.
  const parent = stated.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < stated.length; i++) {
    for (let j = i + 1; j < stated.length; j++) {
      if (stated[i]!.member === stated[j]!.member) continue;
      if (sameQuantity(stated[i]!, stated[j]!, singles)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Stated[]>();
  stated.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });

  const quantities: Quantity[] = [];
  const reasons: ConflictReason[] = [];
  for (const items of groups.values()) {
    if (new Set(items.map((s) => s.member)).size < 2) continue;
    const conflicting = items.some((a) =>
      items.some((b) => a.member !== b.member && !numbersCompatible(a.n, b.n)),
    );
    const key = quantityKey(items);
    quantities.push({
      key,
      conflicting,
      values: items.map(({ member, n }) => ({
        annotationId: members[member]!.annotationId,
        articleId: members[member]!.articleId,
        value: n.value,
        raw: n.raw,
      })),
    });
    if (conflicting) {
      const figures = [...new Set(items.map((s) => s.n.raw))].join(' vs ');
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
  return { conflicting: reasons.length > 0, reasons, quantities };
}
