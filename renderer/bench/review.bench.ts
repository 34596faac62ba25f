import type { BenchReport } from './report';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Annotation, ClaimGroup } from '../../shared/model/types';
import { buildMatrix, summarizeGroups, type MatrixSource } from '../features/review/groupModel';
import { MatrixTable } from '../features/review/MatrixTable';
import { groupDefaults } from '../../shared/model/defaults';
import { annotationRow } from '../../shared/testing/annotationRow';

const GROUPS = 50;
const SOURCES = 10;
const RUNS = 5;

/**
 * A generated workspace: 50 groups over 10 sources. Each group is stated in ~70% of the sources,
 * with figures, so conflict detection and the "conflicts (value)" cells do real work; every
 * fifth group has one source stating a different figure.
 */
export function generateMatrixWorkspace(groups = GROUPS, sources = SOURCES) {
  const articles: MatrixSource[] = Array.from({ length: sources }, (_, s) => ({
    id: `article-${s}`,
    title: `Generated article ${s + 1} about immigration raids in many cities`,
    source: `Outlet ${s + 1}`,
    date: null,
  }));
  const groupRows: ClaimGroup[] = [];
  const annotations: Annotation[] = [];
  let t = 0;
  for (let g = 0; g < groups; g++) {
    const id = `group-${g}`;
    const figure = 100 + g * 7;
    const text = `At least ${figure} arrests were made in City${g} County, officials said`;
    groupRows.push({
      ...groupDefaults(),
      id,
      label: text,
      labelEdited: false,
      createdAt: g,
      updatedAt: g,
    });
    for (let s = 0; s < sources; s++) {
      if ((g * 7 + s * 3) % 10 >= 7) continue; // this source is silent on the claim
      const differs = g % 5 === 0 && s === sources - 1;
      const exact = differs
        ? `The paper said ${figure + 60} arrests were made in City${g} County`
        : `${figure} arrests were made in City${g} County`;
      const createdAt = t++;
      annotations.push(
        annotationRow(
          `a-${g}-${s}`,
          { articleId: articles[s]!.id, groupId: id, stance: 'agrees', createdAt, updatedAt: t },
          exact,
        ),
      );
    }
  }
  return { articles, groups: groupRows, annotations };
}

/**
 * Builds the claims-matrix model (conflict detection for every group) and renders the matrix
 * into a hidden container, 50 groups × 10 sources; reports the median of a few runs each.
 */
export async function benchMatrix(report: BenchReport): Promise<void> {
  const workspace = generateMatrixWorkspace();
  const host = document.createElement('div');
  host.style.cssText =
    'position:fixed;left:-10000px;top:0;width:1400px;height:900px;visibility:hidden';
  document.body.append(host);
  const modelTimes: number[] = [];
  const renderTimes: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const data = buildMatrix(
        summarizeGroups(workspace.groups, workspace.annotations),
        workspace.articles,
      );
      const t1 = performance.now();
      const root = createRoot(host);
      flushSync(() => root.render(createElement(MatrixTable, { data })));
      // Force style and layout so the figure includes what the editor waits for.
      void host.getBoundingClientRect().height;
      const t2 = performance.now();
      const cells = host.querySelectorAll('[data-testid="matrix-cell"]').length;
      if (cells !== GROUPS * SOURCES) throw new Error(`rendered ${cells} cells`);
      root.unmount();
      modelTimes.push(t1 - t0);
      renderTimes.push(t2 - t1);
      await new Promise((r) => setTimeout(r, 0));
    }
  } finally {
    host.remove();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const size = `${GROUPS} groups × ${SOURCES} sources`;
  report('matrix model (conflicts + cells)', median(modelTimes), size);
  report('matrix render (React + layout)', median(renderTimes), size);
}
