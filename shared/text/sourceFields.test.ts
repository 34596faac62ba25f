import { describe, expect, it } from 'vitest';
import { planSourceEdit, sourceFieldText } from './sourceFields';

const row = {
  title: 'Harbour strike ends',
  source: 'The Harbour Gazette' as string | null,
  date: '2017-09-28' as string | null,
  url: null as string | null,
  authors: ['Maria Lopez'],
  language: 'en' as string | null,
  updatedAt: 1,
};

describe('planSourceEdit', () => {
  it('updates each field, normalising what the editor typed', () => {
    expect(planSourceEdit(row, 'source', '  Harbour  Gazette ', 5)).toMatchObject({
      ok: true,
      changed: true,
      after: { source: 'Harbour Gazette', updatedAt: 5 },
    });
    expect(planSourceEdit(row, 'authors', 'Maria Lopez; Tom Okafor, Tom Okafor', 5)).toMatchObject({
      ok: true,
      after: { authors: ['Maria Lopez', 'Tom Okafor'] },
    });
    expect(planSourceEdit(row, 'date', 'September 29, 2017', 5)).toMatchObject({
      ok: true,
      after: { date: '2017-09-29' },
    });
    expect(planSourceEdit(row, 'url', 'https://gazette.example/a?b=1', 5)).toMatchObject({
      ok: true,
      after: { url: 'https://gazette.example/a?b=1' },
    });
    expect(planSourceEdit(row, 'language', 'en_gb', 5)).toMatchObject({
      ok: true,
      after: { language: 'en-GB' },
    });
    expect(sourceFieldText({ ...row, authors: ['A B', 'C D'] }, 'authors')).toBe('A B, C D');
  });

  it('clears optional fields when emptied, and reports unchanged values', () => {
    expect(planSourceEdit(row, 'source', '  ', 5)).toMatchObject({ after: { source: null } });
    expect(planSourceEdit(row, 'date', '', 5)).toMatchObject({ after: { date: null } });
    expect(planSourceEdit(row, 'source', 'The Harbour Gazette', 5)).toEqual({
      ok: true,
      changed: false,
      after: row,
    });
  });

  it('refuses invalid values with the fix', () => {
    expect(planSourceEdit(row, 'date', '2017-02-30', 5)).toMatchObject({
      ok: false,
      reason: /not a date: use YYYY-MM-DD/,
    });
    expect(planSourceEdit(row, 'date', 'yesterday', 5)).toMatchObject({ ok: false });
    expect(planSourceEdit(row, 'url', 'gazette.example/story', 5)).toMatchObject({
      ok: false,
      reason: /must start with http/,
    });
    expect(planSourceEdit(row, 'url', 'javascript:alert(1)', 5)).toMatchObject({ ok: false });
    expect(planSourceEdit(row, 'title', ' ', 5)).toMatchObject({
      ok: false,
      reason: /needs a title/,
    });
    expect(planSourceEdit(row, 'language', 'English', 5)).toMatchObject({ ok: false });
  });
});
