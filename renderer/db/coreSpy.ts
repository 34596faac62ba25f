import type Dexie from 'dexie';
import type { DBCoreTable } from 'dexie';

/**
 * For tests: a DBCore middleware that lets a test see (or fail) the requests Dexie sends down
 * to IndexedDB for each table: count a chunked write's requests, or simulate a full disk. Each
 * hook gets the table's name, the request and the next layer's method; what it returns is the
 * answer. Remove it with `database.unuse({ stack: 'dbcore', name })`.
 */
type Method = 'mutate' | 'get' | 'getMany' | 'query';

/** A hook for one DBCore table method: sees the table, the request and the next layer. */
type Hook<M extends Method> = (
  table: string,
  req: Parameters<DBCoreTable[M]>[0],
  next: DBCoreTable[M],
) => ReturnType<DBCoreTable[M]>;

export type CoreHooks = { [M in Method]?: Hook<M> };

export function spyOnCore(database: Dexie, name: string, hooks: CoreHooks): void {
  database.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table(tableName) {
        const t = down.table(tableName);
        const { mutate, get, getMany, query } = hooks;
        return {
          ...t,
          mutate: mutate ? (req) => mutate(tableName, req, (r) => t.mutate(r)) : t.mutate,
          get: get ? (req) => get(tableName, req, (r) => t.get(r)) : t.get,
          getMany: getMany ? (req) => getMany(tableName, req, (r) => t.getMany(r)) : t.getMany,
          query: query ? (req) => query(tableName, req, (r) => t.query(r)) : t.query,
        };
      },
    }),
  });
}
