import { detectConflicts } from '../conflicts';
import set from './conflict-set.json';

export interface ConflictPair {
  id: string;
  conflict: boolean;
  kind: string;
  source: string;
  a: string;
  b: string;
}

export const conflictPairs = set.pairs as ConflictPair[];

/** Conflict precision/recall of detectConflicts on the labelled pairs (conflict-set.json). */
export function evaluateConflictSet(pairs: ConflictPair[] = conflictPairs) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const mistakes: string[] = [];
  for (const p of pairs) {
    const r = detectConflicts([
      { annotationId: 'a', articleId: 'A', text: p.a, stance: null },
      { annotationId: 'b', articleId: 'B', text: p.b, stance: null },
    ]);
    if (r.conflicting && p.conflict) tp++;
    else if (r.conflicting) fp++;
    else if (p.conflict) fn++;
    else tn++;
    if (r.conflicting !== p.conflict) mistakes.push(`${p.id} (${r.state}: ${r.explanation})`);
  }
  return {
    total: pairs.length,
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    mistakes,
  };
}
