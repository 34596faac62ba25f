/**
 * A group edit that crossed the group's emptying (pure, over write records; no Yjs here).
 *
 * A group lives while it has a live member (derived on read, shared/rules/groups.ts), so it has
 * no delete of its own to remember what its deleter saw. Instead every write that takes a live
 * member out of a group (an unlink, a move, a member's delete) is an *exit*: it names the group
 * (`exits`) and records what its writer had seen of it (`saw`: the group's writes and the
 * earlier exits). An editor who empties a group having seen its verdict decided to drop it; an
 * editor who emptied it while a teammate was rating it offline did not, so that rating must be
 * shown as a conflict, not vanish with the group.
 *
 * Rule, for a group that is empty now:
 *  - its *last exits* are the exits no other exit of the group had seen (the writes that, alone
 *    or together, left it empty — an older unlink that a later one saw is not among them);
 *  - an edit of the group (a scalar write or a text edit) is *lost to the emptying* when some
 *    last exit had not seen it. No such edit: the removal stands silently (everyone who emptied
 *    it knew what it held).
 * Confirming the removal is a new exit on the group's own row that saw everything, so it becomes
 * the only last exit and the conflict is gone; keeping the group relinks (or restores) the
 * annotations of the last member exits, so the group is no longer empty.
 */
import type { FieldWrite } from './writes';
import { newestFirst } from './writes';

export interface EmptyingLoss {
  /** The last exits: who left the group empty, and how. */
  leaves: FieldWrite[];
  /** Group edits some last exit had not seen, newest first. */
  edits: FieldWrite[];
  /** Annotations whose leaving emptied the group: relinked (restored) to keep it. */
  members: string[];
}

const sawSets = new WeakMap<FieldWrite, Set<string>>();
/** Whether `w`'s writer had seen write `id` (a set per write: exits are compared pairwise). */
function sawId(w: FieldWrite, id: string): boolean {
  let set = sawSets.get(w);
  if (!set) sawSets.set(w, (set = new Set(w.saw)));
  return set.has(id);
}

/** The writes in `writes` that no other of them had seen. */
function latest(writes: readonly FieldWrite[]): FieldWrite[] {
  return writes.filter((w) => !writes.some((o) => o !== w && sawId(o, w.id)));
}

/**
 * What an empty group's emptying crossed. `exits`: every write whose `exits` names the group;
 * `edits`: the group's own writes on fields an editor sets (not derived ones). Null when nothing
 * was lost.
 */
export function lostToEmptying(
  exits: readonly FieldWrite[],
  edits: readonly FieldWrite[],
): EmptyingLoss | null {
  const leaves = latest(exits);
  const lost = edits.filter((e) => leaves.some((l) => !sawId(l, e.id)));
  if (lost.length === 0) return null;
  const memberExits = latest(exits.filter((w) => w.table === 'annotations'));
  return {
    leaves: [...leaves].sort(newestFirst),
    edits: [...lost].sort(newestFirst),
    members: [...new Set(memberExits.map((w) => w.row))].sort(),
  };
}
