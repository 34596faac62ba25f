// Test-only helper: loads the five sample articles the product ships. Node APIs are fine here
// because only *.test.ts files import it (and lint lets tests use Node).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalizeText } from '../text/canonical';

// A path, not a URL object: under jsdom the global URL is not Node's and node:fs refuses it.
export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../seeds');

export interface SeedFile {
  /** File name without extension, e.g. "000_19a4d7180f664ba4". */
  id: string;
  raw: string;
  canonical: string;
}

export function loadSeeds(): SeedFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(SEEDS_DIR, f), 'utf8');
      return { id: f.replace(/\.txt$/, ''), raw, canonical: canonicalizeText(raw) };
    });
}

export function seed(prefix: string): SeedFile {
  const found = loadSeeds().find((s) => s.id.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found;
}
