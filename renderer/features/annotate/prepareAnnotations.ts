import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/types';
import { compareTextOrder, mergeRuns } from '../../../shared/rules/textOrder';
import { finish } from '../../../shared/rules/steps';
import { rememberSpanIndex, spanIndexSteps } from './spanIndex';
import { tagsByUse } from './annotationFilter';
import { PAINT_ALL_LIMIT } from './paintLimit';
import { runInSlices } from '../../components/slices';

/**
 * What the reading view needs from an article's annotations, worked out ahead of its render:
 * the rows in reading order, a lookup by id, the tags in use and the groups present (and, for
 * many rows, the viewer's span index). With 100,000 rows doing this inside one React render was
 * a 120 ms task (the id map alone 40 ms); here it runs in slices (runInSlices) between which the
 * window paints and answers input, while the panel says "Loading annotations…".
 */
export interface PreparedAnnotations {
  articleId: string;
  rows: readonly Annotation[];
  byId: ReadonlyMap<string, Annotation>;
  tags: readonly string[];
  groupIds: ReadonlySet<string>;
}

/** Rows placed between two checks of the clock. */
const STEP = 2_000;
/** Up to this many rows the work is done in the render: it takes a few milliseconds. */
const IN_RENDER_LIMIT = PAINT_ALL_LIMIT;

export function* prepareSteps(
  articleId: string,
  runs: readonly (readonly Annotation[])[],
): Generator<void, PreparedAnnotations> {
  const rows = yield* mergeRuns(runs, compareTextOrder, STEP);
  const byId = new Map<string, Annotation>();
  const tagCount = new Map<string, number>();
  const groupIds = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    byId.set(a.id, a);
    for (const t of a.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
    if (a.groupId) groupIds.add(a.groupId);
    if (i % STEP === STEP - 1) yield;
  }
  // The viewer paints only near the screen beyond PAINT_ALL_LIMIT rows, through this index.
  if (rows.length > PAINT_ALL_LIMIT) rememberSpanIndex(rows, yield* spanIndexSteps(rows, STEP));
  return { articleId, rows, byId, tags: tagsByUse(tagCount), groupIds };
}

/**
 * The prepared annotations of the open article, or null while the first preparation for it is
 * running. When its rows change (an edit, a sync) the previous result stays on screen until the
 * next one is ready, so the list never flashes "Loading".
 */
export function usePreparedAnnotations(
  articleId: string | null,
  runs: readonly (readonly Annotation[])[] | undefined,
): PreparedAnnotations | null {
  const small = useMemo(
    () => runs !== undefined && runs.reduce((n, r) => n + r.length, 0) <= IN_RENDER_LIMIT,
    [runs],
  );
  const now = useMemo(
    () => (articleId && runs && small ? finish(prepareSteps(articleId, runs)) : null),
    [articleId, runs, small],
  );
  const [later, setLater] = useState<PreparedAnnotations | null>(null);
  useEffect(() => {
    if (!articleId || !runs || small) return;
    let cancelled = false;
    void runInSlices(prepareSteps(articleId, runs), () => cancelled).then((prepared) => {
      if (prepared && !cancelled) setLater(prepared);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId, runs, small]);
  if (now) return now;
  return later && later.articleId === articleId ? later : null;
}
