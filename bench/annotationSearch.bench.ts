/**
 * Annotation list search over 100,000 annotations (issue 9: "200–700 ms on the main thread").
 * Times renderer/features/annotate/annotationFilter.ts as the list calls it: the first search
 * (folds every row's text), then each further keystroke, a filter without search, and the
 * group sort. Medians of 5 runs after the first. Then the same queries through
 * shared/rules/annotationIndex.ts (built once per set of rows), checked to give the same rows.
 */
import { filterAnnotations, EMPTY_QUERY } from '../renderer/features/annotate/annotationFilter';
import { sampleWorkspace } from '../shared/bundle/sample';
import type { Annotation } from '../shared/model/types';
import { buildAnnotationIndex, queryAnnotationIndex } from '../shared/rules/annotationIndex';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The five seed articles (npm run bench runs from the repository root). */
function loadBenchSources(): { name: string; text: string }[] {
  const dir = join(process.cwd(), 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

const N = 100_000;
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function bench(
  report: (name: string, value: number, unit: string) => void,
): Promise<void> {
  const ws = await sampleWorkspace(loadBenchSources(), { articles: 5, annotations: N });
  const groups = new Map(ws.groups.map((g) => [g.id, g]));
  // Fresh row objects: the filter caches folded text per row object (a WeakMap).
  const fresh = (): Annotation[] => ws.annotations.map((a) => ({ ...a }));
  const time = (rows: Annotation[], q: Partial<typeof EMPTY_QUERY>): number => {
    const t = performance.now();
    filterAnnotations(rows, groups, { ...EMPTY_QUERY, ...q });
    return performance.now() - t;
  };

  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) cold.push(time(fresh(), { search: 'l' }));
  report(`annotation search: first keystroke, ${N} rows (cold)`, median(cold), 'ms');

  const rows = fresh();
  time(rows, { search: 'l' });
  for (const search of ['los', 'los angeles', 'homan magnet']) {
    const warm = Array.from({ length: RUNS }, () => time(rows, { search }));
    report(`annotation search: “${search}”, ${N} rows (warm)`, median(warm), 'ms');
  }
  const kind = Array.from({ length: RUNS }, () => time(rows, { kind: 'quote' }));
  report(`annotation filter: kind = quote, no search, ${N} rows`, median(kind), 'ms');
  const all = Array.from({ length: RUNS }, () => time(rows, {}));
  report(`annotation list: no filter, sort by position, ${N} rows`, median(all), 'ms');
  const bygroup = Array.from({ length: RUNS }, () => time(rows, { sort: 'group' }));
  report(`annotation list: sort by group, ${N} rows`, median(bygroup), 'ms');

  // The indexed version: build once per set of rows, then each query scans flat arrays.
  const builds = Array.from({ length: 3 }, () => {
    const t = performance.now();
    buildAnnotationIndex(rows);
    return performance.now() - t;
  });
  report(`annotation index: build, ${N} rows (once per change of rows)`, median(builds), 'ms');
  const index = buildAnnotationIndex(rows);
  const cases: [string, Partial<typeof EMPTY_QUERY>][] = [
    ['search “l”', { search: 'l' }],
    ['search “los angeles”', { search: 'los angeles' }],
    ['search “homan magnet”', { search: 'homan magnet' }],
    ['kind = quote', { kind: 'quote' }],
    ['no filter, by position', {}],
    ['sort by group', { sort: 'group' }],
    ['sort by time, tag figures', { sort: 'time', tag: 'figures' }],
  ];
  let differing = 0;
  for (const [name, q] of cases) {
    const query = { ...EMPTY_QUERY, ...q };
    const runs = Array.from({ length: RUNS }, () => {
      const t = performance.now();
      queryAnnotationIndex(index, groups, query);
      return performance.now() - t;
    });
    report(`annotation index: ${name}, ${N} rows`, median(runs), 'ms');
    const a = queryAnnotationIndex(index, groups, query);
    const b = filterAnnotations(rows, groups, query);
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) differing++;
  }
  report(
    'annotation index: queries whose rows differ from filterAnnotations',
    differing,
    'queries',
  );
}
