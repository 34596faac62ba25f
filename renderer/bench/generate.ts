import { mulberry32 } from '../../shared/testing/random';

/** Deterministic data for benchmarks: the same figures on every run. */
export const seededRandom = mulberry32;

const WORDS = (
  'the of and to in officials said arrests city county federal immigration agents operation police ' +
  'council report statement mayor budget million percent residents court judge officers number ' +
  'Los Angeles Philadelphia Denver Chicago Homan ICE sanctuary policy week Thursday people cases'
).split(' ');

export function randomWords(rnd: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      rnd() < 0.06 ? String(Math.floor(rnd() * 1000)) : WORDS[Math.floor(rnd() * WORDS.length)]!,
    );
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}
