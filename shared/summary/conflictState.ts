import type { ConflictReport } from '../matching';
import type { ConflictState } from './types';

/**
 * The adapter between shared/matching's conflict report and the summary's state. Issue 7 adds
 * `state` to detectConflicts' report; until it lands, derive it here from `conflicting` and the
 * compared quantities. Switching is one line: `return report.state`.
 */
export function conflictStateOf(report: ConflictReport): ConflictState {
  if (report.conflicting) return 'conflicting';
  const compared = report.quantities.filter(
    (q) => new Set(q.values.map((v) => v.articleId)).size > 1,
  );
  if (compared.length === 0) return 'none';
  const identical = compared.every((q) => new Set(q.values.map((v) => v.value)).size === 1);
  return identical ? 'agrees' : 'consistent';
}
