import type { Annotation, ClaimGroup } from '../model/types';
import { tombstone, type RowWrite } from './edits';

/** Claim-group rules shared by every feature that changes membership (pure: rows in, edits out). */

const LABEL_MAX = 140;

/** The default label: the founding member's text, shortened. */
export function defaultLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LABEL_MAX ? `${flat.slice(0, LABEL_MAX - 1).trimEnd()}…` : flat;
}

/** Members in a stable order: oldest annotation first (the one that "states the claim"). */
export function byAge(a: Annotation, b: Annotation): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The live rows a leave plan reads, per group the leaving annotations belong to. */
export interface GroupState {
  group: ClaimGroup | undefined;
  members: Annotation[];
}

/**
 * Edits that take `leaving` out of their current groups: a group left with no member is deleted
 * (undo restores it with its members); an un-renamed group whose label came from a leaving member
 * takes the oldest remaining member's text.
 */
export function planLeaveGroups(
  leaving: readonly Annotation[],
  groups: ReadonlyMap<string, GroupState>,
  now: number,
): RowWrite[] {
  const ids = new Set(leaving.map((a) => a.id));
  const edits: RowWrite[] = [];
  for (const groupId of groupsOf(leaving)) {
    const state = groups.get(groupId);
    const group = state?.group;
    if (!group) continue;
    const remaining = (state.members ?? []).filter((m) => !ids.has(m.id)).sort(byAge);
    if (remaining.length === 0) {
      edits.push(tombstone('groups', group, now));
    } else if (!group.labelEdited) {
      const label = defaultLabel(remaining[0]!.quote.exact);
      if (label !== group.label) {
        edits.push({ table: 'groups', key: groupId, after: { ...group, label, updatedAt: now } });
      }
    }
  }
  return edits;
}

/**
 * The group facts that follow from membership, computed whenever groups are read from a shared
 * story rather than written by one replica (two editors would otherwise write them differently,
 * or one's delete of a group that just became empty would drop the other's concurrent link):
 *  - a group with no live member is deleted; one with a live member is not;
 *  - an un-renamed group is labelled after its oldest live member.
 * Rows that already agree are returned as they are.
 */
export function deriveGroupFacts(
  groups: readonly ClaimGroup[],
  annotations: readonly Annotation[],
): ClaimGroup[] {
  const members = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.groupId === null || a.deletedAt !== null) continue;
    const list = members.get(a.groupId);
    if (list) list.push(a);
    else members.set(a.groupId, [a]);
  }
  return groups.map((g) => {
    const live = (members.get(g.id) ?? []).sort(byAge);
    const label = !g.labelEdited && live[0] ? defaultLabel(live[0].quote.exact) : g.label;
    // The time it went empty is not knowable from every replica alike; its last edit is.
    const deletedAt = live.length > 0 ? null : (g.deletedAt ?? g.updatedAt);
    return label === g.label && deletedAt === g.deletedAt ? g : { ...g, label, deletedAt };
  });
}

/** The distinct groups a set of annotations belongs to. */
export function groupsOf(annotations: readonly Annotation[]): Set<string> {
  return new Set(annotations.map((a) => a.groupId).filter((g): g is string => !!g));
}
