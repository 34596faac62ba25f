/**
 * Settling a listed conflict, as new writes by the editor who settles it (so it syncs, and
 * anyone's later edit still wins over it like any write). One value decides every kind:
 *  - a field conflict: the value kept (one of the shown ones, or a third);
 *  - a delete that crossed edits: null restores the row with those edits, a time deletes it
 *    anyway (a new delete that has seen them);
 *  - a group emptied while edited: null keeps the group (its last members are linked back, or
 *    restored when they were deleted, so it lives on with the edits), a time confirms its
 *    removal (a new exit of the group that has seen them).
 */
import type * as Y from 'yjs';
import type { ChangeOrigin, Conflict } from './storyDoc';
import { readStory, setField } from './storyDoc';
import type { Scalar } from './writes';

export function resolveConflict(
  doc: Y.Doc,
  conflict: Conflict,
  value: Scalar,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
): void {
  if (conflict.kind === 'field') {
    setField(doc, conflict.table, conflict.row, conflict.field, value, by, at, origin);
  } else if (conflict.kind === 'deleted-while-edited') {
    setField(doc, conflict.table, conflict.row, 'deletedAt', value, by, at, origin);
  } else if (value === null) {
    keepEmptiedGroup(doc, conflict.row, conflict.members, by, at, origin);
  } else {
    setField(doc, 'groups', conflict.row, 'deletedAt', value, by, at, origin);
  }
}

/** Links `members` back into the group (restoring deleted ones), as a link does: 'agrees'. */
function keepEmptiedGroup(
  doc: Y.Doc,
  groupId: string,
  members: readonly string[],
  by: string | null,
  at: number,
  origin: ChangeOrigin,
): void {
  doc.transact(() => {
    const story = readStory(doc);
    for (const id of members) {
      const a = story.annotations.find((x) => x.id === id);
      if (!a) continue;
      if (a.deletedAt !== null) setField(doc, 'annotations', id, 'deletedAt', null, by, at, origin);
      if (a.groupId !== groupId) {
        setField(doc, 'annotations', id, 'groupId', groupId, by, at, origin);
        if (a.stance === null) setField(doc, 'annotations', id, 'stance', 'agrees', by, at, origin);
      }
    }
  }, origin);
}
