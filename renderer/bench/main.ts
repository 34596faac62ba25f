import '../styles.css';
import { benchHighlightPainting, benchLibrary, benchOpenLargestSeed } from './open.bench';
import { benchMatrix } from './review.bench';
import { benchBundle } from './bundle.bench';
import { benchStructuredArticle } from './sources.bench';

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
  benchBundle,
  benchStructuredArticle,
];

declare global {
  interface Window {
    runBenches: () => Promise<Figure[]>;
  }
}

window.runBenches = async () => {
  const figures: Figure[] = [];
  for (const bench of BENCHES) {
    await bench((name: string, value: number, detail?: string, unit?: string) => {
      figures.push({ name, value, detail, unit });
    });
  }
  return figures;
};
document.getElementById('status')!.textContent = 'ready';
