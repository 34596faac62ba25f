import '../styles.css';
import { benchHighlightPainting, benchLibrary, benchOpenLargestSeed } from './open.bench';
import { benchMatrix } from './review.bench';
// BUNDLE_BENCH

/**
 * Browser benchmarks, run by scripts/bench.mjs in Chromium with a throwaway profile (so the
 * app's own database can be filled with generated data). Never part of the app build.
 */
export interface Figure {
  name: string;
  value: number;
  detail?: string;
}

const BENCHES = [benchOpenLargestSeed, benchLibrary, benchHighlightPainting, benchMatrix];

declare global {
  interface Window {
    runBenches: () => Promise<Figure[]>;
  }
}

window.runBenches = async () => {
  const figures: Figure[] = [];
  for (const bench of BENCHES) {
    await bench((name: string, value: number, detail?: string) => {
      figures.push({ name, value, detail });
    });
  }
  return figures;
};
document.getElementById('status')!.textContent = 'ready';
