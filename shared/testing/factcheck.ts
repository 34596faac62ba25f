// Test-only: the seeds as a fact-checker's workspace with three claim groups, the same ones the
// e2e tests build through the UI: "498 arrested" (agrees), "Los Angeles arrests" (101 vs 167,
// conflicting) and Homan's "magnet" quote (cut short at the start by one outlet).
import { makeSelectors } from '../anchoring/selectors';
import type { Workspace } from '../bundle/types';
import type { Annotation, AnnotationKind, Article, ClaimGroup } from '../model/types';
import { loadSeeds } from './seeds';

export const OUTLETS: Record<string, { source: string; url: string; date: string }> = {
  '000': { source: 'Inside Edition', url: 'https://example.org/ie/safe-city', date: '2017-09-28' },
  '001': { source: 'Morning News', url: 'https://example.org/mn/raids', date: '2017-09-29' },
  '002': { source: 'Breitbart', url: 'https://example.org/bb/sanctuary', date: '2017-09-28' },
  '003': { source: 'The Hill', url: 'https://example.org/hill/ice', date: '2017-09-28' },
  '004': { source: 'LA Times', url: 'https://example.org/lat/ice-raids', date: '2017-09-28' },
};

export const NEEDLES = {
  agrees: [
    ['000', 'The operation saw 498 individuals from 42 countries arrested'],
    ['001', 'a total of 498 illegal immigrants were arrested'],
    ['002', 'ICE agents detained a total of 498 illegal aliens'],
  ],
  la: [
    ['004', 'At least 101 arrests were made in Los Angeles County'],
    ['003', 'The Times said 167 arrests were made in and around Los Angeles'],
  ],
  quote: [
    [
      '002',
      '“Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration,”',
    ],
    [
      '003',
      '"Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration,"',
    ],
    [
      '000',
      '“are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration.',
    ],
  ],
} as const;

function group(id: string, label: string, createdAt: number): ClaimGroup {
  return {
    id,
    label,
    labelEdited: true,
    verdict: null,
    reasoning: '',
    status: 'open',
    resolution: '',
    deletedAt: null,
    createdAt,
    updatedAt: createdAt,
  };
}

export function factcheckWorkspace(): Workspace {
  const articles: Article[] = loadSeeds().map((s, i) => {
    const key = s.id.slice(0, 3);
    return {
      id: `sha-${key}`,
      sha256: `sha-${key}`,
      title: s.canonical.split('\n')[0]!.slice(0, 60),
      source: OUTLETS[key]!.source,
      url: OUTLETS[key]!.url,
      authors: [],
      language: 'en',
      structure: null,
      deletedAt: null,
      date: OUTLETS[key]!.date,
      text: s.canonical,
      origin: { kind: 'seed', name: null, format: 'txt' },
      createdAt: i,
      updatedAt: i,
    };
  });
  let clock = 100;
  const annotations: Annotation[] = [];
  const add = (key: string, needle: string, groupId: string, kind: AnnotationKind) => {
    const article = articles.find((a) => a.id === `sha-${key}`)!;
    const start = article.text.indexOf(needle);
    if (start < 0) throw new Error(`seed ${key} lacks ${needle}`);
    const now = clock++;
    annotations.push({
      id: `ann-${annotations.length + 1}`,
      articleId: article.id,
      kind,
      ...makeSelectors(article.text, start, start + needle.length),
      speaker: kind === 'quote' ? 'Tom Homan' : null,
      note: '',
      groupId,
      stance: 'agrees',
      tags: [],
      author: null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  };
  for (const [k, n] of NEEDLES.agrees) add(k, n, 'g-498', 'claim');
  for (const [k, n] of NEEDLES.la) add(k, n, 'g-la', 'claim');
  for (const [k, n] of NEEDLES.quote) add(k, n, 'g-quote', 'quote');
  const groups = [
    group('g-498', '498 arrested in Operation Safe City', 1),
    group('g-la', 'Arrests in Los Angeles', 2),
    group('g-quote', 'Homan: sanctuary jurisdictions are a magnet', 3),
  ];
  return { articles, annotations, groups };
}
