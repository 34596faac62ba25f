import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/types';
import { annotationDefaults } from '../../../shared/model/defaults';
import { db } from '../../db/database';
import { knownSpeakers } from './annotationOps';

function row(id: string, patch: Partial<Annotation>): Annotation {
  return {
    ...annotationDefaults(),
    id,
    articleId: 'a1',
    kind: 'quote',
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    speaker: null,
    note: '',
    groupId: null,
    stance: null,
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

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
