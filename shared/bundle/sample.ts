/**
 * A deterministic workspace built from real article texts, for tests and the benchmark: the same
 * inputs always give the same ids, offsets, groups and timestamps.
 */
import { annotationDefaults, articleDefaults, groupDefaults } from '../model/defaults';
import type { ArticleStructure, Block } from '../model/structure';
import type { Annotation, Article, ClaimGroup, Stance } from '../model/types';
import { makeSelectors } from '../anchoring/selectors';
import { canonicalizeText } from '../text/canonical';
import { sha256Hex } from '../text/hash';
import type { Workspace } from './types';
import { mulberry32 } from '../testing/random';

export interface SampleOptions {
  /** How many articles; texts are reused with a distinguishing last line when there are more. */
  articles: number;
  annotations: number;
  /** One group per this many annotations; about half the annotations join a group. */
  annotationsPerGroup?: number;
  seed?: number;
  /** Epoch ms of the first row; later rows are a second apart. */
  start?: number;
}

export async function sampleWorkspace(
  sources: { name: string; text: string }[],
  opts: SampleOptions,
): Promise<Workspace> {
  const rand = mulberry32(opts.seed ?? 1);
  let clock = opts.start ?? Date.UTC(2017, 8, 28, 12);
  const tick = () => (clock += 1000);

  const articles: Article[] = [];
  for (let i = 0; i < opts.articles; i++) {
    const src = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const text = canonicalizeText(copy === 0 ? src.text : `${src.text}\nSyndicated copy ${copy}.`);
    const t = tick();
    const sha256 = await sha256Hex(text);
    articles.push({
      ...articleDefaults(),
      id: sha256,
      sha256,
      // Cut by code points: a UTF-16 slice could split an emoji's surrogate pair.
      title: Array.from(text.split('\n')[0]!).slice(0, 70).join(''),
      source: i % 3 === 0 ? null : `Outlet ${i % 7}`,
      authors: i % 2 === 1 ? ['Jane Doe', `Reporter ${i}`] : [],
      url: i % 3 === 1 ? `https://news.example/${src.name}/${i}` : null,
      language: i % 4 === 3 ? null : 'en',
      structure: i % 2 === 1 ? sampleStructure(text) : null,
      date: i % 2 === 0 ? '2017-09-28' : null,
      text,
      origin: { kind: 'seed', name: `${src.name}.txt`, format: 'txt' },
      createdAt: t,
      updatedAt: t,
    });
  }

  const perGroup = opts.annotationsPerGroup ?? 20;
  const groups: ClaimGroup[] = [];
  for (let g = 0; g < Math.max(1, Math.floor(opts.annotations / perGroup)); g++) {
    const t = tick();
    groups.push({
      ...groupDefaults(),
      id: `grp-${pad(g)}`,
      label: `Claim ${g + 1}`,
      labelEdited: g % 2 === 0,
      verdict: g % 4 === 3 ? null : (['True', 'Half true', 'False'] as const)[g % 3]!,
      reasoning: g % 2 === 0 ? `ICE's own figures, checked on ${g + 1} September.` : '',
      status: (['open', 'checking', 'resolved'] as const)[g % 3]!,
      resolution: g % 3 === 2 ? 'The 167 covers the whole LA area office, the 101 the city.' : '',
      createdAt: t,
      updatedAt: t,
    });
  }

  const annotations: Annotation[] = [];
  const wordsOf = articles.map((a) =>
    [...a.text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
  for (let n = 0; n < opts.annotations; n++) {
    const article = articles[n % articles.length]!;
    const { start, end } = wordSpan(article.text, wordsOf[n % articles.length]!, rand);
    const kind = rand() < 0.7 ? 'claim' : 'quote';
    const grouped = rand() < 0.5;
    const stance: Stance = rand() < 0.8 ? 'agrees' : 'conflicts';
    const t = tick();
    annotations.push({
      ...annotationDefaults(),
      id: `ann-${pad(n)}`,
      articleId: article.id,
      kind,
      tags: n % 5 === 0 ? [] : n % 5 === 1 ? ['figures'] : ['figures', `para-${n % 3}`],
      author: n % 4 === 0 ? 'Ana Editor' : null,
      ...makeSelectors(article.text, start, end),
      speaker: kind === 'quote' ? 'Tom Homan' : null,
      note: rand() < 0.3 ? `Check against the ICE statement, "para ${n % 9}", ok?` : '',
      groupId: grouped ? groups[Math.floor(rand() * groups.length)]!.id : null,
      stance: grouped ? stance : null,
      createdAt: t,
      updatedAt: t + (rand() < 0.2 ? 60_000 : 0),
    });
  }
  return { articles, annotations, groups };
}

/** First line a heading, a bold word and a link on the second: the shapes a bundle must keep. */
function sampleStructure(text: string): ArticleStructure {
  const lines = text.split('\n');
  return {
    blocks: lines.map((line, n): Block => {
      if (n === 0) return { type: 'heading', level: 1 };
      if (n === 1 && line.length > 8) {
        return {
          type: 'paragraph',
          marks: [
            { start: 0, end: 4, type: 'bold' },
            { start: 5, end: 8, type: 'link', href: 'https://www.ice.gov/news' },
          ],
        };
      }
      return n % 5 === 4
        ? { type: 'list-item', list: { ordered: false, depth: 0, listId: 1 } }
        : { type: 'paragraph' };
    }),
  };
}

/** A span of 3–25 whole words inside one paragraph. */
function wordSpan(
  text: string,
  words: { start: number; end: number }[],
  rand: () => number,
): { start: number; end: number } {
  const first = Math.floor(rand() * words.length);
  let last = Math.min(words.length - 1, first + 2 + Math.floor(rand() * 23));
  // Stay within the paragraph of the first word.
  while (last > first && text.slice(words[first]!.start, words[last]!.end).includes('\n')) last--;
  return { start: words[first]!.start, end: words[last]!.end };
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

export { mulberry32 };

/**
 * Texts that break naive code: astral characters (offsets differ between UTF-16 and code points),
 * markup that must stay text, and CSV/formula specials. Added to the seeds in tests.
 */
export const TRICKY_TEXTS: { name: string; text: string }[] = [
  {
    name: 'emoji',
    text: [
      'Breaking 🚨: ICE says 498 arrests 👮🏽‍♀️ in “Safe City” 𝐎𝐩𝐞𝐫𝐚𝐭𝐢𝐨𝐧.',
      'Readers reacted with 😡 and 👍, while 𠜎 appeared in the Chinese edition.',
      'Homan said, "It is not unusual," per the statement 📄.',
    ].join('\n'),
  },
  {
    name: 'markup',
    text: [
      'Officials said <script>alert("x")</script> was found in the <b>press release</b>.',
      '<img src=x onerror="alert(1)"> A reader wrote: =HYPERLINK("http://evil","click"), then left.',
      'Quote, with "double quotes", commas, and a second line follows.',
    ].join('\n'),
  },
];
