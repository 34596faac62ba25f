import { describe, expect, it } from 'vitest';
import { planReplay, sameValue } from './replay';

const before = {
  id: 'a',
  note: 'old',
  speaker: 'Homan',
  tags: ['x'],
  updatedAt: 1,
  deletedAt: null,
};
const after = { ...before, note: 'new', updatedAt: 2 };

describe('planReplay (undo as a three-way merge)', () => {
  it('writes the recorded side when nobody touched the row since', () => {
    expect(planReplay(after, before, after, 9)).toEqual({ put: before });
    expect(planReplay(before, undefined, before, 9)).toEqual({ remove: true });
  });

  it('reverts only this change’s fields and keeps a teammate’s later edit of another field', () => {
    const remote = { ...after, speaker: 'Tom Homan', updatedAt: 5 };
    expect(planReplay(after, before, remote, 9)).toEqual({
      put: { ...remote, note: 'old', updatedAt: 9 },
    });
  });

  it('keeps a teammate’s later edit of the same field (nothing to undo there)', () => {
    const remote = { ...after, note: 'theirs', updatedAt: 5 };
    expect(planReplay(after, before, remote, 9)).toEqual({ keep: true });
  });

  it('undoing a create that others edited since tombstones it instead of removing it', () => {
    const edited = { ...before, note: 'theirs', updatedAt: 5 };
    expect(planReplay(before, undefined, edited, 9)).toEqual({
      put: { ...edited, deletedAt: 9, updatedAt: 9 },
    });
  });

  it('compares plain data structurally', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
  });
});
