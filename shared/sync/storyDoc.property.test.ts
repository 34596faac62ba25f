/**
 * Property test of the merge: three replicas apply random interleavings of creates, edits,
 * links, tags, deletes, undos and note edits, exchange updates in random order, and must
 * converge to the same tables with no lost edit. The expected heads of every field come from
 * an oracle that tracks which writes each replica had seen (independently of the model's own
 * `basedOn` bookkeeping): a write replaces exactly what its replica had seen. Groups are
 * renamed ones (their label is written); a group's existence is derived from its members on read,
 * so deletes and restores are of annotations, and the derived facts are checked on their own.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { annotationOn, group, seedArticle } from '../testing/story';
import { defaultLabel } from '../rules/groups';
import type { Conflict } from './storyDoc';
import {
  addAnnotation,
  addArticle,
  addGroup,
  readStory,
  setField,
  textOf,
  undoWrite,
} from './storyDoc';
import type { FieldWrite, Scalar } from './writes';

const EDITORS = ['Ana', 'Ben', 'Cal'] as const;
const FIELD_VALUES: Record<string, Scalar[]> = {
  'annotations:kind': ['claim', 'quote'],
  'annotations:speaker': [null, 'Mayor Ortiz', 'Fire chief', 'Red Cross'],
  'annotations:stance': [null, 'agrees', 'conflicts'],
  'annotations:tag:casualties': [true, false],
  'annotations:tag:official': [true, false],
  'groups:verdict': [null, 'True', 'False', 'Misleading'],
  'groups:status': ['open', 'checking', 'resolved'],
  'groups:label': ['Death toll', 'Rescue count'],
};
const FIELDS = Object.keys(FIELD_VALUES);

type Op =
  | { t: 'create'; r: number }
  | { t: 'set'; r: number; row: number; field: number; value: number }
  | { t: 'link'; r: number; row: number; group: number }
  | { t: 'delete'; r: number; table: number; row: number }
  | { t: 'restore'; r: number; table: number; row: number }
  | { t: 'undo'; r: number; back: number }
  | { t: 'text'; r: number; row: number; atEnd: boolean }
  | { t: 'sync'; from: number; to: number };

const replica = fc.integer({ min: 0, max: 2 });
const small = fc.nat(20);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('create' as const), r: replica }),
  fc.record({
    t: fc.constant('set' as const),
    r: replica,
    row: small,
    field: fc.nat(FIELDS.length - 1),
    value: small,
  }),
  fc.record({ t: fc.constant('link' as const), r: replica, row: small, group: small }),
  fc.record({ t: fc.constant('delete' as const), r: replica, table: fc.constant(0), row: small }),
  fc.record({ t: fc.constant('restore' as const), r: replica, table: fc.constant(0), row: small }),
  fc.record({ t: fc.constant('undo' as const), r: replica, back: fc.nat(3) }),
  fc.record({ t: fc.constant('text' as const), r: replica, row: small, atEnd: fc.boolean() }),
  fc.record({ t: fc.constant('sync' as const), from: replica, to: replica }),
);

const article = seedArticle('002');

function run(ops: Op[], finalOrder: [number, number][]) {
  const docs = EDITORS.map(() => new Y.Doc());
  const [origin] = docs;
  addArticle(origin!, article);
  addAnnotation(origin!, annotationOn(article, 'a0', 0, 'Ana'));
  addAnnotation(origin!, annotationOn(article, 'a1', 1, 'Ana'));
  addGroup(origin!, { ...group('g0', 'Death toll'), labelEdited: true });
  addGroup(origin!, { ...group('g1', 'Rescue count'), labelEdited: true });
  addGroup(origin!, group('g2', 'Unnamed'));
  for (const d of docs.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(origin!), 'remote');

  // Oracle state.
  const rows = docs.map(() => ({ annotations: ['a0', 'a1'], groups: ['g0', 'g1'] }));
  const linkTargets = ['g0', 'g1', 'g2'];
  const known = docs.map(() => new Set<string>());
  const seenAt = new Map<string, Set<string>>();
  const replaced = new Map<string, Set<string>>();
  const all = new Map<string, FieldWrite>();
  const own = docs.map(() => [] as string[]);
  const tokens = new Map<string, string[]>();
  let created = 0;
  let clock = 0;

  const record = (r: number, w: FieldWrite | null, replaces: string[] | 'seen') => {
    if (!w) return;
    const key = `${w.table}/${w.row}/${w.field}`;
    const sameField = [...known[r]!].filter(
      (id) => `${all.get(id)!.table}/${all.get(id)!.row}/${all.get(id)!.field}` === key,
    );
    replaced.set(w.id, new Set(replaces === 'seen' ? sameField : replaces));
    seenAt.set(w.id, new Set(known[r]));
    all.set(w.id, w);
    known[r]!.add(w.id);
    own[r]!.push(w.id);
  };
  const pick = <T>(list: T[], n: number) => list[n % list.length]!;

  for (const o of ops) {
    clock++;
    if (o.t === 'sync') {
      if (o.from === o.to) continue;
      const [a, b] = [docs[o.from]!, docs[o.to]!];
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
      for (const id of known[o.from]!) known[o.to]!.add(id);
      for (const t of ['annotations', 'groups'] as const) {
        rows[o.to]![t] = [...new Set([...rows[o.to]![t], ...rows[o.from]![t]])];
      }
      continue;
    }
    const doc = docs[o.r]!;
    const by = EDITORS[o.r]!;
    if (o.t === 'create') {
      const id = `n${created++}`;
      addAnnotation(doc, annotationOn(article, id, created + 2, by));
      rows[o.r]!.annotations.push(id);
    } else if (o.t === 'set') {
      const [table, ...rest] = FIELDS[o.field]!.split(':');
      const field = rest.join(':');
      const row = pick(rows[o.r]![table as 'annotations' | 'groups'], o.row);
      const value = pick(FIELD_VALUES[FIELDS[o.field]!]!, o.value);
      record(o.r, setField(doc, table as 'groups', row, field, value, by, clock), 'seen');
    } else if (o.t === 'link') {
      const row = pick(rows[o.r]!.annotations, o.row);
      const g = pick(linkTargets, o.group);
      record(o.r, setField(doc, 'annotations', row, 'groupId', g, by, clock), 'seen');
    } else if (o.t === 'delete' || o.t === 'restore') {
      const table = o.table === 0 ? 'annotations' : 'groups';
      const row = pick(rows[o.r]![table], o.row);
      const value = o.t === 'delete' ? clock : null;
      record(o.r, setField(doc, table, row, 'deletedAt', value, by, clock), 'seen');
    } else if (o.t === 'undo') {
      const mine = own[o.r]!;
      const target = mine[mine.length - 1 - (o.back % Math.max(1, mine.length))];
      if (!target) continue;
      const w = undoWrite(doc, target, by, clock);
      // Refused exactly when this replica knows a write that replaced the target.
      const supersededHere = [...known[o.r]!].some((id) => replaced.get(id)!.has(target));
      expect(w === null).toBe(supersededHere);
      record(o.r, w, [target]);
    } else if (o.t === 'text') {
      const row = pick(rows[o.r]!.annotations, o.row);
      const text = textOf(doc, 'annotations', row, 'note');
      const token = `[${by}${clock}]`;
      text.insert(o.atEnd ? text.length : 0, token);
      tokens.set(row, [...(tokens.get(row) ?? []), token]);
    }
  }

  // Exchange everything in a random order until every replica has everything.
  for (const [a, b] of finalOrder) {
    if (a !== b) Y.applyUpdate(docs[b]!, Y.encodeStateAsUpdate(docs[a]!), 'remote');
  }
  for (let round = 0; round < 2; round++) {
    for (const a of docs)
      for (const b of docs) Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  }
  return { docs, all, replaced, seenAt, tokens };
}

function check(ops: Op[], finalOrder: [number, number][]) {
  const { docs, all, replaced, seenAt, tokens } = run(ops, finalOrder);
  const stories = docs.map(readStory);
  // 1. Convergence.
  expect(stories[1]).toEqual(stories[0]);
  expect(stories[2]).toEqual(stories[0]);
  const story = stories[0]!;

  // 2. No lost scalar edit: per field, the oracle's heads are either one value (shown) or
  //    listed together as a conflict.
  const byField = new Map<string, FieldWrite[]>();
  for (const w of all.values()) {
    const key = `${w.table}/${w.row}/${w.field}`;
    byField.set(key, [...(byField.get(key) ?? []), w]);
  }
  const replacedAny = new Set([...replaced.values()].flatMap((s) => [...s]));
  const fieldConflicts = new Map(
    story.conflicts
      .filter((c): c is Extract<Conflict, { kind: 'field' }> => c.kind === 'field')
      .map((c) => [`${c.table}/${c.row}/${c.field}`, c]),
  );
  for (const [key, writes] of byField) {
    const heads = writes.filter((w) => !replacedAny.has(w.id));
    expect(heads.length).toBeGreaterThan(0);
    const values = new Set(heads.map((h) => JSON.stringify(h.value)));
    const conflict = fieldConflicts.get(key);
    if (values.size > 1) {
      expect(conflict, `conflict expected on ${key}`).toBeDefined();
      expect(conflict!.heads.map((h) => h.id).sort()).toEqual(heads.map((h) => h.id).sort());
    } else {
      expect(conflict, `no conflict on ${key}`).toBeUndefined();
      const [table, row, ...f] = key.split('/');
      const field = f.join('/');
      const rowValue = (
        story[table as 'annotations' | 'groups'] as unknown as Record<string, unknown>[]
      ).find((x) => x.id === row)!;
      const value = heads[0]!.value;
      if (field.startsWith('tag:')) {
        expect((rowValue.tags as string[]).includes(field.slice(4))).toBe(value === true);
      } else {
        expect(rowValue[field]).toEqual(value);
      }
    }
  }

  // 3. A deleted row with edits its deleter had not seen is listed as a conflict.
  for (const row of [...story.annotations, ...story.groups]) {
    if (row.deletedAt === null) continue;
    const table = 'articleId' in row ? 'annotations' : 'groups';
    const rowWrites = [...all.values()].filter((w) => w.table === table && w.row === row.id);
    const deleteHeads = rowWrites.filter(
      (w) => w.field === 'deletedAt' && w.value !== null && !replacedAny.has(w.id),
    );
    const unseen = rowWrites.filter(
      (w) => w.field !== 'deletedAt' && deleteHeads.some((d) => !seenAt.get(d.id)!.has(w.id)),
    );
    const listed = story.conflicts.find(
      (c) => c.kind === 'deleted-while-edited' && c.row === row.id && c.table === table,
    );
    expect(Boolean(listed), `delete conflict on ${row.id}`).toBe(unseen.length > 0);
  }

  // 5. Derived group facts: a group lives exactly while it has a live member, and the group
  //    nobody renamed is labelled after its oldest live member.
  for (const g of story.groups) {
    const live = story.annotations
      .filter((a) => a.groupId === g.id && a.deletedAt === null)
      .sort((x, y) => x.createdAt - y.createdAt || x.id.localeCompare(y.id));
    expect(g.deletedAt === null, `group ${g.id} lives`).toBe(live.length > 0);
    if (g.id === 'g2' && live[0]) expect(g.label).toBe(defaultLabel(live[0].quote.exact));
  }

  // 4. Every note insertion survives.
  for (const [row, inserted] of tokens) {
    const note = story.annotations.find((a) => a.id === row)!.note;
    for (const t of inserted) expect(note).toContain(t);
  }
}

describe('merge property', () => {
  it('three replicas converge with no lost edit under random interleavings', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 5, maxLength: 50 }),
        fc.array(fc.tuple(replica, replica), { maxLength: 8 }),
        (ops, order) => check(ops, order),
      ),
      { numRuns: 80 },
    );
  }, 120_000);
});
