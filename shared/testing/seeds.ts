// Test-only helper: loads the five sample articles the product ships. Node APIs are fine here
// because only *.test.ts files import it (and lint lets tests use Node).
import { readdirSync, readFileSync } from 'node:fs';
import { canonicalizeText } from '../text/canonical';

export const SEEDS_DIR = new URL('../../seeds/', import.meta.url);

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
      const raw = readFileSync(new URL(f, SEEDS_DIR), 'utf8');
      return { id: f.replace(/\.txt$/, ''), raw, canonical: canonicalizeText(raw) };
    });
}

export function seed(prefix: string): SeedFile {
  const found = loadSeeds().find((s) => s.id.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found;
}
