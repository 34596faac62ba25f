/**
 * Matching benchmark: builds the corpus index for 200 generated articles of ~800 words and times
 * suggestions for one claim (median of 21 runs). The articles are generated from a seeded PRNG so
 * every run measures the same text. The budget for one query is 50 ms.
 */
import {
  addArticle,
  buildCorpusIndex,
  emptyCorpusIndex,
  removeArticle,
  suggestMatches,
} from '../shared/matching/index';
import { mulberry32 } from '../shared/testing/random';

const ARTICLES = 200;
const WORDS_PER_ARTICLE = 800;
const RUNS = 21;

const COMMON = (
  'the a of to in and for on that with as by at from was were is are said officials report ' +
  'operation city state federal agency statement police court government people arrests ' +
  'immigration policy week month year after before during while would could also more than ' +
  'about nearly almost least according told reporters announced program funding cases'
).split(' ');
const SYLLABLES = 'ka ro mi sel tan vor eli dun pra gos ter lin ash ber cro dal fen hul jor'.split(
  ' ',
);
const FIRST = 'Tom Maria James Aisha Chen Laura Omar Peter Sofia Daniel'.split(' ');
const LAST = 'Homan Garcia Okafor Lindqvist Moreau Tanaka Novak Silva Brennan Haddad'.split(' ');
const PLACES =
  'Los Angeles|New York|Cook County|Santa Clara|Denver|Baltimore|Portland|Oxnard'.split('|');
const UNITS = 'arrests people cases convictions officers raids cities counties'.split(' ');
const QUALIFIERS = ['', '', '', 'nearly ', 'about ', 'at least ', 'more than '];

export function generateArticles(): { id: string; text: string }[] {
  const rand = mulberry32(20170928);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  // A long-tailed vocabulary of made-up content words, so term statistics look like news text.
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join(''),
  );
  const contentWord = (): string => vocabulary[Math.floor(vocabulary.length * rand() ** 2)]!;
  const sentence = (): string => {
    const parts: string[] = [];
    const length = 12 + Math.floor(rand() * 18);
    while (parts.length < length) {
      const r = rand();
      if (r < 0.45) parts.push(pick(COMMON));
      else if (r < 0.85) parts.push(contentWord());
      else if (r < 0.92) parts.push(pick(PLACES));
      else if (r < 0.96) parts.push(`${pick(FIRST)} ${pick(LAST)}`);
      else {
        const n =
          rand() < 0.2
            ? (1000 + Math.floor(rand() * 9000)).toLocaleString('en-US')
            : String(Math.floor(rand() * 600));
        parts.push(`${pick(QUALIFIERS)}${n} ${pick(UNITS)}`);
      }
    }
    const text = parts.join(' ');
    const out = text[0]!.toUpperCase() + text.slice(1) + '.';
    return rand() < 0.1 ? `“${out.slice(0, -1)},” ${pick(LAST)} said.` : out;
  };
  return Array.from({ length: ARTICLES }, (_, i) => {
    const paragraphs: string[] = [];
    let words = 0;
    while (words < WORDS_PER_ARTICLE) {
      const sentences = Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence);
      const paragraph = sentences.join(' ');
      words += paragraph.split(' ').length;
      paragraphs.push(paragraph);
    }
    return { id: `bench-${String(i).padStart(3, '0')}`, text: paragraphs.join('\n') };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function bench(
  report: (name: string, value: number, unit: string) => void,
): Promise<void> {
  const articles = generateArticles();
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  report('matching: corpus words', words, 'words');

  buildCorpusIndex(articles.slice(0, 2)); // warm-up: loads the wink-nlp model once (about 0.4 s)
  // The worker builds the index one article per task: the longest task is what a cancel or a
  // query waits for at most (the UI thread only posts the texts, see matching: sync message).
  const t0 = performance.now();
  const index = emptyCorpusIndex();
  let longest = 0;
  for (const a of articles) {
    const t = performance.now();
    addArticle(index, a);
    longest = Math.max(longest, performance.now() - t);
  }
  report('matching: build index (200 articles, in the worker)', performance.now() - t0, 'ms');
  report('matching: longest worker task while building (one article)', longest, 'ms');
  const message = articles.map((a) => ({ id: a.id, hash: a.id, text: a.text }));
  const c0 = performance.now();
  structuredClone({ type: 'sync', articles: message });
  report(
    'matching: sync message clone (UI-thread cost of a rebuild)',
    performance.now() - c0,
    'ms',
  );
  const extra = { id: 'extra', text: articles[1]!.text.replace(/\d+/g, '7') };
  const incremental: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    addArticle(index, extra);
    suggestMatches(index, { articleId: articles[0]!.id, text: 'x', kind: 'claim' }); // norms refresh
    incremental.push(performance.now() - t);
    removeArticle(index, extra.id);
  }
  report('matching: incremental update, one new article (median)', median(incremental), 'ms');
  const spans = [...index.articles.values()].reduce((n, a) => n + a.spans.length, 0);
  report('matching: candidate spans', spans, 'spans');

  // The claim: a sentence of the first article that carries a figure and a name.
  const first = articles[0]!.text;
  const claim =
    first
      .split(/(?<=\.)\s+|\n/)
      .find((s) => /\d/.test(s) && /[A-Z][a-z]+ [A-Z]/.test(s.slice(1))) ?? first.slice(0, 200);
  const query = { articleId: articles[0]!.id, text: claim, kind: 'claim' as const };
  suggestMatches(index, query); // warm-up (JIT)
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    found = suggestMatches(index, query).length;
    times.push(performance.now() - t);
  }
  report('matching: suggest for one claim (median)', median(times), 'ms');
  report('matching: suggestions returned', found, 'suggestions');
}
