/**
 * Annotation list search over 100,000 annotations (issue 9: "200–700 ms on the main thread").
 * The list builds shared/rules/annotationIndex.ts once per set of rows, the first time the editor
 * filters or sorts (the plain list needs none), then each keystroke only queries it. Times the
 * build and each query; medians of 5 runs.
 */
import { EMPTY_QUERY } from '../renderer/features/annotate/annotationFilter';
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
  const rows: Annotation[] = ws.annotations;
  const builds = Array.from({ length: 3 }, () => {
    const t = performance.now();
    buildAnnotationIndex(rows);
    return performance.now() - t;
  });
  report(
    `annotation index: build, ${N} rows (once per change of rows, on first filter)`,
    median(builds),
    'ms',
  );
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
  for (const [name, q] of cases) {
    const query = { ...EMPTY_QUERY, ...q };
    const runs = Array.from({ length: RUNS }, () => {
      const t = performance.now();
      queryAnnotationIndex(index, groups, query);
      return performance.now() - t;
    });
    report(`annotation list query: ${name}, ${N} rows`, median(runs), 'ms');
  }
}
