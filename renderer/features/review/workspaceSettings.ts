import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_RATING_SCALE } from '../../../shared/model/types';
import type { Organisation } from '../../../shared/export/claimReview';
import { db } from '../../db/database';

/**
 * Workspace-wide options kept in the settings table (keys as the DB v2 model names them):
 * `ratingScale` (the verdict labels, best first) and `organisation` (ClaimReview author).
 * Rows that fail validation read as the defaults, so a bad row never breaks a screen.
 */
export const RATING_SCALE_KEY = 'ratingScale';
export const ORGANISATION_KEY = 'organisation';

function asScale(value: unknown): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_RATING_SCALE];
  const labels = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return labels.length > 0 ? labels : [...DEFAULT_RATING_SCALE];
}

function asOrganisation(value: unknown): Organisation | null {
  const v = value as Partial<Organisation> | null | undefined;
  return typeof v?.name === 'string' && typeof v.url === 'string'
    ? { name: v.name, url: v.url }
    : null;
}

export async function readRatingScale(): Promise<string[]> {
  return asScale((await db.settings.get(RATING_SCALE_KEY))?.value);
}

export async function readOrganisation(): Promise<Organisation | null> {
  return asOrganisation((await db.settings.get(ORGANISATION_KEY))?.value);
}

export async function saveOrganisation(org: Organisation): Promise<void> {
  await db.settings.put({
    key: ORGANISATION_KEY,
    value: { name: org.name.trim(), url: org.url.trim() },
  });
}

/** Live rating scale (defaults while loading). */
export function useRatingScale(): string[] {
  return useLiveQuery(readRatingScale, [], [...DEFAULT_RATING_SCALE]);
}

export function useOrganisation(): Organisation | null | undefined {
  return useLiveQuery(readOrganisation, []);
}
