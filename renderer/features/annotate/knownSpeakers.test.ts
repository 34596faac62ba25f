import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/types';
import { annotationRow } from '../../../shared/testing/annotationRow';
import { db } from '../../db/database';
import { knownSpeakers } from './annotationOps';

const row = (id: string, patch: Partial<Annotation>) =>
  annotationRow(id, { kind: 'quote', ...patch });

afterAll(async () => {
  await db.delete();
});

describe('knownSpeakers (read through the speaker index)', () => {
  it('counts live quotes only, most used first, then by name', async () => {
    await db.annotations.bulkPut([
      row('q1', { speaker: 'Tom Homan' }),
      row('q2', { speaker: 'Tom Homan' }),
      row('q3', { speaker: 'Ana Editor' }),
      row('q4', { speaker: 'Bea Source' }),
      row('q5', { speaker: 'Tom Homan', deletedAt: 9 }),
      row('q6', { speaker: 'Zed Gone', deletedAt: 9 }),
      row('q7', { speaker: null }),
      row('c1', { kind: 'claim', speaker: 'Claim Speaker' }),
      row('c2', { kind: 'claim', speaker: null }),
    ]);
    expect(await knownSpeakers()).toEqual(['Tom Homan', 'Ana Editor', 'Bea Source']);
  });
});
