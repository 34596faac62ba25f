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

/** The distinct groups a set of annotations belongs to. */
export function groupsOf(annotations: readonly Annotation[]): Set<string> {
  return new Set(annotations.map((a) => a.groupId).filter((g): g is string => !!g));
}
