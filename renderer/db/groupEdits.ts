import type { Annotation } from '../../shared/model/types';
import { groupsOf, planLeaveGroups, type GroupState } from '../../shared/rules/groups';
import type { RowEdit } from './changes';
import { getGroup, groupMembers } from './queries';

/**
 * Reads what the shared group rule needs (inside the caller's transaction) and returns its edits:
 * the one place annotation deletes and group moves keep groups consistent.
 */
export async function leaveGroupEdits(leaving: Annotation[], now: number): Promise<RowEdit[]> {
  const groups = new Map<string, GroupState>();
  for (const groupId of groupsOf(leaving)) {
    groups.set(groupId, { group: await getGroup(groupId), members: await groupMembers(groupId) });
  }
  return planLeaveGroups(leaving, groups, now);
}
