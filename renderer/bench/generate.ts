/** Deterministic data for benchmarks: the same figures on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
