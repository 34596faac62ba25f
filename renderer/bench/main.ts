import '../styles.css';
import { benchHighlightPainting, benchLibrary, benchOpenLargestSeed } from './open.bench';
import { benchMatrix } from './review.bench';
import { benchImportFloor } from './importFloor.bench';
import { benchStructuredArticle } from './sources.bench';
import { benchHugeContent } from './huge.bench';
import { benchImportThread } from './importThread.bench';

/**
 * Browser benchmarks, run by scripts/bench.mjs in Chromium with a throwaway profile (so the
 * app's own database can be filled with generated data). Never part of the app build.
 */
export interface Figure {
  name: string;
  value: number;
  detail?: string;
  unit?: string;
}

const BENCHES = [
  benchOpenLargestSeed,
  benchLibrary,
  benchHighlightPainting,
  benchMatrix,
  benchImportFloor,
  benchStructuredArticle,
  benchHugeContent,
  benchImportThread,
];

declare global {
  interface Window {
    runBenches: () => Promise<Figure[]>;
  }
}

window.runBenches = async () => {
  const figures: Figure[] = [];
  const params = new URLSearchParams(location.search);
  const only = params.get('only');
  for (const bench of BENCHES) {
    // scripts/bench.mjs runs the heavy cases in pages of their own (?only=HugeContent&case=…).
    if (params.get('skip') === 'HugeContent' && bench === benchHugeContent) continue;
    // Names survive minification only as data: BENCH_ONLY picks a bench by identity.
    if (only === 'ImportFloor' && bench !== benchImportFloor) continue;
    if (only === 'HugeContent' && bench !== benchHugeContent) continue;
    if (only === 'ImportThread' && bench !== benchImportThread) continue;
    if (only && !['ImportFloor', 'HugeContent', 'ImportThread'].includes(only)) continue;
    await bench((name: string, value: number, detail?: string, unit?: string) => {
      figures.push({ name, value, detail, unit });
    });
  }
  return figures;
};
document.getElementById('status')!.textContent = 'ready';
