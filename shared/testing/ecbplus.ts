// Test/eval-only helper: loads the ECB+ development set (Node APIs are fine under shared/testing).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EcbTopic } from '../matching/eval/types';

/** Where the set lives next to the worktrees; ECBPLUS_DIR overrides it. */
export const ECBPLUS_DIR =
  process.env.ECBPLUS_DIR ??
  join(dirname(fileURLToPath(import.meta.url)), '../../../shared/eval/ecbplus');

export function ecbplusAvailable(): boolean {
  return existsSync(join(ECBPLUS_DIR, 'topics'));
}

export function loadEcbTopics(): EcbTopic[] {
  const folder = join(ECBPLUS_DIR, 'topics');
  if (!existsSync(folder)) {
    throw new Error(
      `ECB+ development set not found at ${folder}: set ECBPLUS_DIR to the folder holding topics/.`,
    );
  }
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as EcbTopic);
}
