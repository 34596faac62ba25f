import { db } from '../../db/database';
import { commitChange } from '../../db/changes';
import type { Article } from '../../../shared/model/types';
import { isLive } from '../../../shared/model/live';
import { prepareText } from './prepareArticle';

/** The sample set shipped in seeds/, bundled into the renderer at build time. */
const SEED_FILES = import.meta.glob('../../../seeds/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const SEEDED_KEY = 'seeded';

/**
 * First run: put the sample articles in the library once. Marked done in the same transaction,
 * so an editor who deletes them does not get them back on the next start.
 */
export async function seedOnFirstRun(): Promise<void> {
  if (await db.settings.get(SEEDED_KEY)) return;
  const prepared = await prepareSeeds();
  await db.transaction('rw', db.articles, db.settings, async () => {
    if (await db.settings.get(SEEDED_KEY)) return;
    for (const article of prepared) {
      if (!(await db.articles.get(article.id))) await db.articles.add(article);
    }
    await db.settings.put({ key: SEEDED_KEY, value: true });
  });
}

/** Library menu: bring the samples back (undoable like any import). */
export async function restoreSamples(): Promise<number> {
  const prepared = await prepareSeeds();
  let added = 0;
  await commitChange('Restore sample articles', async () => {
    const edits = [];
    for (const article of prepared) {
      const stored = await db.articles.get(article.id);
      if (stored && isLive(stored)) continue;
      const revived = { ...article, createdAt: stored?.createdAt ?? article.createdAt };
      edits.push({ table: 'articles' as const, key: article.id, after: revived });
      added++;
    }
    return edits;
  });
  return added;
}

async function prepareSeeds(): Promise<Article[]> {
  const names = Object.keys(SEED_FILES).sort();
  const now = Date.now();
  const articles: Article[] = [];
  for (const [i, path] of names.entries()) {
    const name = path.split('/').pop()!;
    const prepared = await prepareText(SEED_FILES[path]!, { kind: 'seed', name, format: 'txt' });
    if (!prepared.ok) continue;
    articles.push({
      ...prepared.article,
      id: prepared.article.sha256,
      createdAt: now + i,
      updatedAt: now + i,
    });
  }
  return articles;
}
