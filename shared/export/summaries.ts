import type { Workspace } from '../bundle/types';
import { liveRows } from '../model/live';
import { sourceLookup, summarizeGroups, type GroupSummary } from '../summary';

/**
 * The group summaries of a workspace, exactly as the review screens compute them (same function,
 * same live rows). Every export renders these, never its own idea of a conflict.
 */
export function workspaceSummaries(ws: Workspace): GroupSummary[] {
  return summarizeGroups(
    liveRows(ws.groups),
    liveRows(ws.annotations),
    sourceLookup(liveRows(ws.articles)),
  );
}
