import type Dexie from 'dexie';

/**
 * A database written by a newer Corroborate (a later schema version) must not be opened: Dexie 4
 * would open it at its own, older schema and this version would then write rows the newer one
 * does not expect, a silent downgrade. Opening fails instead, with this error, before any read.
 */
export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This workspace was saved by a newer version of Corroborate (database version ${found}; this version reads up to ${supported}). Update Corroborate to open it. Nothing was changed.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Installs the check on a database; call it in the constructor, after the version() blocks. */
export function refuseNewerDatabase(database: Dexie): void {
  database.on('ready', (d: Dexie) => {
    // Dexie stores version n as IndexedDB version n × 10.
    const found = d.backendDB().version / 10;
    if (found > d.verno) {
      d.close();
      throw new NewerDatabaseError(found, d.verno);
    }
  });
}
