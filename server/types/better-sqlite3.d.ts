// better-sqlite3 ships no types and @types/better-sqlite3 is not installed: the few calls the
// server makes, typed by hand.
declare module 'better-sqlite3' {
  interface Statement {
    run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  class Database {
    constructor(file: string);
    prepare(sql: string): Statement;
    exec(sql: string): this;
    pragma(sql: string): unknown;
    close(): void;
  }
  namespace Database {
    type Database = InstanceType<typeof Database>;
  }
  export default Database;
}
