import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../../../shared/model/types';
import { articleDefaults } from '../../../shared/model/defaults';
import { buildAnnotation } from '../../../shared/rules/annotations';
import { compareTextOrder } from '../../../shared/rules/textOrder';
import { finish } from '../../../shared/rules/steps';
import { mulberry32 } from '../../../shared/testing/random';
import { prepareSteps } from './prepareAnnotations';
import { buildSpanIndex, spanIndexFor, spansOverlapping } from './spanIndex';
import { tagsInUse } from './annotationFilter';
import { runInSlices } from '../../components/slices';

const text = 'word '.repeat(4_000);
const article: Article = {
  ...articleDefaults(),
  id: 'a',
  sha256: 'a',
  title: 'A',
  source: null,
  date: null,
  text,
  origin: { kind: 'paste', name: null, format: 'paste' },
  createdAt: 1,
  updatedAt: 1,
};

/** `n` annotations in pages of `page`, each page sorted as annotationRunsOf returns them. */
function runsOf(n: number, page: number): Annotation[][] {
  const rnd = mulberry32(5);
  const rows = Array.from({ length: n }, (_, i) => {
    const start = Math.floor(rnd() * (text.length - 40));
    const a = buildAnnotation(article, { kind: 'claim', start, end: start + 5 + (i % 30) }, i);
    return {
      ...a,
      tags: i % 7 === 0 ? ['checked'] : i % 11 === 0 ? ['checked', 'wrong'] : [],
      groupId: i % 13 === 0 ? `g${i % 3}` : null,
    };
  });
  const runs: Annotation[][] = [];
  for (let i = 0; i < n; i += page) runs.push(rows.slice(i, i + page).sort(compareTextOrder));
  return runs;
}

describe('prepareAnnotations', () => {
  it('gives the rows in reading order, by id, their tags and groups, and the span index', () => {
    const runs = runsOf(5_000, 1_000);
    const all = runs.flat();
    const prepared = finish(prepareSteps('a', runs));
    expect(prepared.rows).toEqual([...all].sort(compareTextOrder));
    expect(prepared.byId.size).toBe(5_000);
    for (const a of all) expect(prepared.byId.get(a.id)).toBe(a);
    expect(prepared.tags).toEqual(tagsInUse(all));
    expect([...prepared.groupIds].sort()).toEqual(['g0', 'g1', 'g2']);
    // The viewer finds the index made here instead of building one in its render.
    const index = spanIndexFor(prepared.rows);
    expect(spanIndexFor(prepared.rows)).toBe(index);
    const fresh = buildSpanIndex(prepared.rows);
    expect(spansOverlapping(index, 100, 900)).toEqual(spansOverlapping(fresh, 100, 900));
  });

  it('runs in slices with the thread given back between them, and stops when cancelled', async () => {
    const runs = runsOf(20_000, 1_000);
    let pauses = 0;
    // A slice of 0 ms pauses at every yield: one per 2,000 rows placed or visited.
    const prepared = await runInSlices(prepareSteps('a', runs), () => (pauses++, false), 0);
    expect(prepared?.rows).toEqual(runs.flat().sort(compareTextOrder));
    // Merging 20 runs moves every row 5 times (100,000 moves), then 20,000 rows are mapped and
    // indexed: about 70 pauses, none of the work done in one piece.
    expect(pauses).toBeGreaterThanOrEqual(60);
    let asked = 0;
    const stopped = await runInSlices(prepareSteps('a', runs), () => ++asked === 3, 0);
    expect(stopped).toBeNull();
    expect(asked).toBe(3);
  });
});
