import type { Workspace } from '../bundle/types';
import { liveOnly, sourceLookup, summarizeGroups, type GroupSummary } from '../summary';

/**
 * The group summaries of a workspace, exactly as the review screens compute them (same function,
 * same live rows). Every export renders these, never its own idea of a conflict.
 */
export function workspaceSummaries(ws: Workspace): GroupSummary[] {
  return summarizeGroups(
    liveOnly(ws.groups),
    liveOnly(ws.annotations),
    sourceLookup(liveOnly(ws.articles)),
  );
}
