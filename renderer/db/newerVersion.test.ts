import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CorroborateDatabase } from './database';
import { NewerDatabaseError } from './newerVersion';

describe('a database left by a newer app version', () => {
  it('is refused with a clear message, and its data is left untouched', async () => {
    const name = 'newer-version-test';
    // What a future Corroborate (schema version 6, a new table) leaves behind.
    const future = new CorroborateDatabase(name);
    future.version(6).stores({ comments: 'id' });
    await future.open();
    await future.table('comments').put({ id: 'c1', text: 'from the future' });
    await future.articles.count();
    future.close();

    const current = new CorroborateDatabase(name);
    const error = await current.open().then(
      () => null,
      (e: unknown) => e,
    );
    const inner = error instanceof Dexie.DexieError ? (error.inner ?? error) : error;
    expect(inner).toBeInstanceOf(NewerDatabaseError);
    expect((inner as Error).message).toBe(
      'This workspace was saved by a newer version of Corroborate (database version 6; this version reads up to 5). Update Corroborate to open it. Nothing was changed.',
    );
    await expect(current.articles.count()).rejects.toThrow();

    const again = new CorroborateDatabase(name);
    again.version(6).stores({ comments: 'id' });
    expect(await again.table('comments').get('c1')).toEqual({ id: 'c1', text: 'from the future' });
    await again.delete();
  });

  it('a database of this version opens normally', async () => {
    const d = new CorroborateDatabase('same-version-test');
    await d.open();
    expect(d.verno).toBe(5);
    await d.delete();
  });
});
