import type { LikelyMember, Suggestion } from '../../../shared/matching';
import type { GroupSummary, MatrixData } from './groupModel';
import { requestLikelyHere, useWorkerResult, type LikelyByGroup } from './matchingClient';

/**
 * "Not linked" is not "absent" (issue 7): a silent matrix cell whose article has a likely but
 * unlinked match becomes 'likely' and carries that sentence, so one click links it; a silent cell
 * with nothing above the calibrated cut says "not in this article". Pure: matrix in, matrix out.
 */
export function withLikelyHere(matrix: MatrixData, likely: LikelyByGroup | undefined): MatrixData {
  if (!likely) return matrix;
  return {
    ...matrix,
    rows: matrix.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => {
        if (cell.state !== 'silent') return cell;
        const found = likely[row.groupId]?.[cell.articleId];
        const source = matrix.sources.find((s) => s.id === cell.articleId)?.title ?? '';
        if (!found) return { ...cell, title: `${source}: not in this article` };
        return {
          ...cell,
          state: 'likely' as const,
          likely: found,
          title: `${source}: likely here (${Math.round(found.score * 100)}%) — “${found.text}”. Click to link it.`,
        };
      }),
    })),
  };
}

/** What the worker needs per group: its members' texts and the articles to look in. */
export function likelyRequest(
  summaries: readonly GroupSummary[],
  articleIds: readonly string[],
): { groupId: string; members: LikelyMember[]; articleIds: string[] }[] {
  return summaries.map((s) => ({
    groupId: s.group.id,
    members: s.members.map((m) => ({
      articleId: m.annotation.articleId,
      text: m.annotation.quote.exact,
      kind: m.annotation.kind,
    })),
    articleIds: [...articleIds],
  }));
}

/** The worker's "likely here" answer for these groups (undefined while it works). */
export function useLikelyHere(
  summaries: readonly GroupSummary[] | null,
  articleIds: readonly string[],
  indexVersion: string | null,
): LikelyByGroup | undefined {
  const request = summaries && indexVersion !== null ? likelyRequest(summaries, articleIds) : null;
  // The key is the question itself: members' texts and the articles, plus the index version.
  const key = request ? `${indexVersion}|${JSON.stringify(request)}` : null;
  return useWorkerResult(key, () => requestLikelyHere(request ?? []));
}

export type { Suggestion };
