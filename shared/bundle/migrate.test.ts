import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { seed } from '../testing/seeds';
import { sha256Hex } from '../text/hash';
import { readBundle } from './read';
import { planMerge } from './merge';
import { groupDefaults } from '../model/defaults';

/** A bundle as the format-1 draft wrote it: raw text, flat annotations, UTF-16 offsets. */
function v1Bundle() {
  const raw = seed('002').raw; // blank lines and a leading space: not canonical
  const phrase = 'Philadelphia, Pennsylvania (107)';
  const quote = 'Tom Homan said in a statement';
  const at = (p: string) => raw.indexOf(p);
  expect(at(phrase)).toBeGreaterThan(0);
  const files = {
    'manifest.json': {
      format: 'corroborate-bundle',
      formatVersion: 1,
      appVersion: '0.0.9',
      createdAt: '2023-11-02T10:00:00.000Z',
    },
    'articles.json': [
      {
        id: 'a1',
        title: 'Breitbart: Operation Safe City',
        source: 'Breitbart',
        date: '2017-09-28',
        text: raw,
        createdAt: 1_698_919_200_000,
      },
    ],
    'annotations.json': [
      {
        id: 'n1',
        articleId: 'a1',
        kind: 'claim',
        start: at(phrase),
        end: at(phrase) + phrase.length,
        exact: phrase,
        speaker: null,
        note: 'count',
        groupId: 'g1',
        stance: 'agrees',
        createdAt: 1_698_919_300_000,
        updatedAt: 1_698_919_300_000,
      },
      {
        id: 'n2',
        articleId: 'a1',
        kind: 'quote',
        start: at(quote),
        end: at(quote) + quote.length,
        exact: quote,
        speaker: 'Tom Homan',
        note: '',
        groupId: null,
        stance: null,
        createdAt: 1_698_919_400_000,
        updatedAt: 1_698_919_500_000,
      },
      // Its exact text is not in the article (edited by hand in v1 days): must reach review.
      {
        id: 'n3',
        articleId: 'a1',
        kind: 'claim',
        start: 10,
        end: 40,
        exact: 'QQQZZZXXXJJJKKKVVVWWWQQQZZZXXXJ',
        speaker: null,
        note: '',
        groupId: null,
        stance: null,
        createdAt: 1_698_919_600_000,
        updatedAt: 1_698_919_600_000,
      },
    ],
    'groups.json': [{ id: 'g1', label: 'Philadelphia arrests', createdAt: 1_698_919_250_000 }],
  };
  return {
    raw,
    zip: zipSync(
      Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(JSON.stringify(v))])),
    ),
  };
}

describe('format 1 → 2 migration', () => {
  it('reads a v1 bundle: canonical text, sha256, annotations moved onto the canonical text', async () => {
    const { raw, zip } = v1Bundle();
    const r = await readBundle(zip);
    if (!r.ok) throw new Error(r.error.message);
    const b = r.value;
    expect(b.formatVersion).toBe(1);
    expect(b.warnings[0]).toMatch(/older bundle format 1 \(Corroborate 0\.0\.9\)/);
    expect(b.warnings.join(' ')).toMatch(/1 annotation\(s\) could not be placed/);

    const article = b.articles[0]!;
    expect(article.text).toBe(seed('002').canonical);
    expect(article.text).not.toBe(raw);
    expect(article.sha256).toBe(await sha256Hex(article.text));
    expect(article).toMatchObject({
      // Articles are keyed by their text (model v2): the v1 id is not kept.
      id: article.sha256,
      deletedAt: null,
      origin: { kind: 'bundle', name: null, format: 'txt' },
      updatedAt: article.createdAt,
    });

    const n1 = b.annotations.find((a) => a.id === 'n1')!;
    expect(article.text.slice(n1.position.start, n1.position.end)).toBe(
      'Philadelphia, Pennsylvania (107)',
    );
    expect(n1.position.start).not.toBe(raw.indexOf('Philadelphia, Pennsylvania (107)'));
    expect(n1.quote.prefix.length).toBeGreaterThan(0);
    expect(n1).toMatchObject({ groupId: 'g1', stance: 'agrees', note: 'count' });
    expect(b.groups).toEqual([
      {
        ...groupDefaults(),
        id: 'g1',
        label: 'Philadelphia arrests',
        labelEdited: true,
        createdAt: 1_698_919_250_000,
        updatedAt: 1_698_919_250_000,
      },
    ]);

    const plan = planMerge({ articles: [], annotations: [], groups: [] }, b, Date.UTC(2024, 0, 1));
    expect(plan.annotations.map((a) => a.id).sort()).toEqual(['n1', 'n2']);
    expect(plan.review.map((x) => [x.id, x.reason])).toEqual([['n3', 'no-match']]);
    expect(plan.review[0]!.annotation.quote.exact).toBe('QQQZZZXXXJJJKKKVVVWWWQQQZZZXXXJ');
  });

  it('still validates v1 content: offsets outside the raw text are refused', async () => {
    const files = {
      'manifest.json': {
        format: 'corroborate-bundle',
        formatVersion: 1,
        appVersion: '0.0.9',
        createdAt: '2023-11-02T10:00:00.000Z',
      },
      'articles.json': [
        {
          id: 'a1',
          title: 'T',
          source: null,
          date: null,
          text: 'Short text.',
          createdAt: 1_698_919_200_000,
        },
      ],
      'annotations.json': [
        {
          id: 'n1',
          articleId: 'a1',
          kind: 'claim',
          start: 5,
          end: 50,
          exact: 'text',
          speaker: null,
          note: '',
          groupId: null,
          stance: null,
          createdAt: 1_698_919_200_000,
          updatedAt: 1_698_919_200_000,
        },
      ],
    };
    const r = await readBundle(
      zipSync(
        Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(JSON.stringify(v))])),
      ),
    );
    expect(r.ok === false && r.error.code).toBe('offset-out-of-range');
  });
});
