/**
 * One story as one Y.Doc. Layout (top-level types):
 *  - `articles`     Y.Map sha256 → immutable article content (identical for everyone who imports
 *                   the same text, so two concurrent imports give one article).
 *  - `annotations`  Y.Map id → Y.Map { base: immutable fields + initial scalars, note: Y.Text }
 *  - `groups`       Y.Map id → Y.Map { base, reasoning: Y.Text, resolution: Y.Text }
 *  - `writes`       Y.Map writeId → FieldWrite: every scalar edit of every row, and a record of
 *                   each text edit (see writes.ts), kept apart from the rows so a write can
 *                   never be lost with a row object.
 * Texts merge character by character (Y.Text), each edit leaving a record of who and when;
 * scalars merge by write records and surface conflicts; deletes are tombstones (`deletedAt`
 * writes); undo is a new write by its author.
 */
import * as Y from 'yjs';
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { deriveGroupFacts } from '../rules/groups';
import { lostToEmptying } from './groupEmptying';
import type { FieldWrite, Scalar, SyncTable } from './writes';
import { byField, editsUnseenByDelete, fieldState } from './writes';

/** Where a change came from: the projection uses it to avoid echoing and to keep undo local. */
export type ChangeOrigin = 'local' | 'remote' | 'import';

/**
 * The scalar fields editors write. A group's `deletedAt` is not among them, nor is the label of
 * a group nobody renamed: both are derived from membership on read (shared/rules/groups.ts).
 */
export const SCALAR_FIELDS = {
  articles: ['title', 'deletedAt'],
  annotations: ['kind', 'speaker', 'stance', 'groupId', 'deletedAt'],
  groups: ['label', 'labelEdited', 'verdict', 'status'],
} as const satisfies Record<SyncTable, readonly string[]>;

/** Whether a field is derived on read for this row, so never written or shown as a conflict. */
export function isDerivedField(table: SyncTable, field: string, row: { labelEdited?: boolean }) {
  return table === 'groups' && (field === 'deletedAt' || (field === 'label' && !row.labelEdited));
}

export const TEXT_FIELDS = {
  articles: [],
  annotations: ['note'],
  groups: ['reasoning', 'resolution'],
} as const satisfies Record<SyncTable, readonly string[]>;

/** A text edit's record (who and when), not a scalar write: it merges and is never a head. */
export const isTextEdit = (w: Pick<FieldWrite, 'table' | 'field'>) =>
  (TEXT_FIELDS[w.table] as readonly string[]).includes(w.field);

type AnnotationBase = Omit<Annotation, 'note' | 'updatedAt'>;
type GroupBase = Omit<ClaimGroup, 'reasoning' | 'resolution' | 'updatedAt'>;
type ArticleBase = Omit<Article, 'updatedAt'>;

export type Conflict =
  | { kind: 'field'; table: SyncTable; row: string; field: string; heads: FieldWrite[] }
  | {
      kind: 'deleted-while-edited';
      table: SyncTable;
      row: string;
      deletes: FieldWrite[];
      edits: FieldWrite[];
    }
  | {
      /** A group edit crossed its last member leaving (groupEmptying.ts). */
      kind: 'emptied-while-edited';
      table: 'groups';
      row: string;
      leaves: FieldWrite[];
      edits: FieldWrite[];
      /** The annotations "keep the group" links back. */
      members: string[];
    };

export interface StoryTables {
  articles: Article[];
  annotations: Annotation[];
  groups: ClaimGroup[];
  conflicts: Conflict[];
}

const writesMap = (doc: Y.Doc) => doc.getMap<FieldWrite>('writes');
const rowsMap = (doc: Y.Doc, table: 'annotations' | 'groups') => doc.getMap<Y.Map<unknown>>(table);
const articlesMap = (doc: Y.Doc) => doc.getMap<ArticleBase>('articles');

/** Unique across replicas: a Yjs client id and its next clock are never reused. */
function nextWriteId(doc: Y.Doc): string {
  return `${doc.clientID.toString(36)}.${Y.getState(doc.store, doc.clientID)}`;
}

function rowWrites(doc: Y.Doc, table: SyncTable, row: string): FieldWrite[] {
  const out: FieldWrite[] = [];
  writesMap(doc).forEach((w) => {
    if (w.table === table && w.row === row) out.push(w);
  });
  return out;
}

function baseOf(doc: Y.Doc, table: SyncTable, row: string): Record<string, unknown> | undefined {
  if (table === 'articles') return articlesMap(doc).get(row) as Record<string, unknown> | undefined;
  return rowsMap(doc, table).get(row)?.get('base') as Record<string, unknown> | undefined;
}

export function addArticle(doc: Y.Doc, article: Article, origin: ChangeOrigin = 'local'): void {
  const { updatedAt: _u, ...base } = article;
  doc.transact(() => {
    if (!articlesMap(doc).has(article.id)) articlesMap(doc).set(article.id, base);
  }, origin);
}

export function addAnnotation(doc: Y.Doc, a: Annotation, origin: ChangeOrigin = 'local'): void {
  const { note, updatedAt: _u, ...base } = a;
  doc.transact(() => {
    const row = new Y.Map<unknown>();
    rowsMap(doc, 'annotations').set(a.id, row);
    row.set('base', base satisfies AnnotationBase);
    row.set('note', new Y.Text(note));
  }, origin);
}

export function addGroup(doc: Y.Doc, g: ClaimGroup, origin: ChangeOrigin = 'local'): void {
  const { reasoning, resolution, updatedAt: _u, ...base } = g;
  doc.transact(() => {
    const row = new Y.Map<unknown>();
    rowsMap(doc, 'groups').set(g.id, row);
    row.set('base', base satisfies GroupBase);
    row.set('reasoning', new Y.Text(reasoning));
    row.set('resolution', new Y.Text(resolution));
  }, origin);
}

function initialValue(doc: Y.Doc, table: SyncTable, row: string, field: string): Scalar {
  const base = baseOf(doc, table, row);
  if (!base) throw new Error(`No ${table} row ${row} in this story.`);
  if (field.startsWith('tag:')) {
    return ((base.tags as string[] | undefined) ?? []).includes(field.slice(4));
  }
  return (base[field] ?? null) as Scalar;
}

/**
 * Writes a scalar field. The write replaces every current head, so it also resolves a conflict
 * on that field (pick one value or write a third). Returns null when nothing would change.
 */
export function setField(
  doc: Y.Doc,
  table: SyncTable,
  row: string,
  field: string,
  value: Scalar,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
): FieldWrite | null {
  const writes = rowWrites(doc, table, row);
  const state = fieldState(
    writes.filter((w) => w.field === field),
    initialValue(doc, table, row, field),
  );
  if (!state.conflict && state.value === value && field !== 'deletedAt') return null;
  const record: FieldWrite = {
    id: nextWriteId(doc),
    table,
    row,
    field,
    value,
    by,
    at,
    basedOn: state.heads.map((h) => h.id),
    ...knowledge(doc, table, row, field, value, writes),
  };
  doc.transact(() => writesMap(doc).set(record.id, record), origin);
  return record;
}

/**
 * What a write must remember having seen, so edits made meanwhile by others surface as a
 * conflict instead of vanishing: a delete, the row's writes; a write that takes a live member
 * out of its group (or confirms a group's removal), that group's writes and earlier exits.
 */
function knowledge(
  doc: Y.Doc,
  table: SyncTable,
  row: string,
  field: string,
  value: Scalar,
  writes: readonly FieldWrite[],
): Pick<FieldWrite, 'saw' | 'exits'> {
  const deleting = field === 'deletedAt' && value !== null;
  let exits: string | undefined;
  if (table === 'groups' && deleting) exits = row;
  if (table === 'annotations' && (field === 'groupId' || deleting)) {
    const current = (f: string) =>
      fieldState(
        writes.filter((w) => w.field === f),
        initialValue(doc, table, row, f),
      ).value;
    const groupId = current('groupId');
    const live = current('deletedAt') === null;
    if (typeof groupId === 'string' && live && (deleting || value !== groupId)) exits = groupId;
  }
  if (!deleting && exits === undefined) return {};
  const saw = new Set(deleting ? writes.map((w) => w.id) : []);
  if (exits !== undefined) {
    const group = exits;
    writesMap(doc).forEach((w) => {
      if ((w.table === 'groups' && w.row === group) || w.exits === group) saw.add(w.id);
    });
  }
  return exits === undefined ? { saw: [...saw] } : { saw: [...saw], exits };
}

export const deleteRow = (
  doc: Y.Doc,
  table: SyncTable,
  row: string,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
) => setField(doc, table, row, 'deletedAt', at, by, at, origin);

/**
 * Undo one of the author's own writes, as a new write by the same author restoring the value it
 * replaced. Refused (null) for another editor's write, and when someone has since changed the
 * field on top of it — their edit is never erased. A concurrent edit by another editor stays a
 * head, so it remains visible (as a conflict if it differs).
 */
export function undoWrite(
  doc: Y.Doc,
  writeId: string,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
): FieldWrite | null {
  const target = writesMap(doc).get(writeId);
  // A text edit is undone as a new text edit (the store's undo splices the text back).
  if (!target || target.by !== by || isTextEdit(target)) return null;
  const fieldWrites = rowWrites(doc, target.table, target.row).filter(
    (w) => w.field === target.field,
  );
  if (fieldWrites.some((w) => w.basedOn.includes(writeId))) return null;
  const before = fieldState(
    fieldWrites.filter((w) => target.basedOn.includes(w.id)),
    initialValue(doc, target.table, target.row, target.field),
  );
  const record: FieldWrite = {
    id: nextWriteId(doc),
    table: target.table,
    row: target.row,
    field: target.field,
    value: before.value,
    by,
    at,
    basedOn: [writeId],
    ...knowledge(
      doc,
      target.table,
      target.row,
      target.field,
      before.value,
      rowWrites(doc, target.table, target.row),
    ),
  };
  doc.transact(() => writesMap(doc).set(record.id, record), origin);
  return record;
}

/**
 * Records a text edit (note, reasoning, resolution) with who and when, after the characters
 * went into its Y.Text. It moves the row's last-edit time like any scalar edit, and a delete or
 * a group's emptying that had not seen it lists it as crossed. It replaces nothing: text merges.
 */
export function recordTextEdit(
  doc: Y.Doc,
  table: 'annotations' | 'groups',
  row: string,
  field: string,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
): FieldWrite {
  if (!isTextEdit({ table, field })) throw new Error(`${field} is not a text of ${table}.`);
  textOf(doc, table, row, field); // throws for a row or text the story does not hold
  const record: FieldWrite = {
    id: nextWriteId(doc),
    table,
    row,
    field,
    value: null,
    by,
    at,
    basedOn: [],
  };
  doc.transact(() => writesMap(doc).set(record.id, record), origin);
  return record;
}

/** Edits a text and records it (one transaction): the way every text change enters the story. */
export function editText(
  doc: Y.Doc,
  table: 'annotations' | 'groups',
  row: string,
  field: string,
  edit: (text: Y.Text) => void,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
): FieldWrite {
  let record: FieldWrite | undefined;
  doc.transact(() => {
    edit(textOf(doc, table, row, field));
    record = recordTextEdit(doc, table, row, field, by, at, origin);
  }, origin);
  return record!;
}

/**
 * The latest text edit time kept on the row itself (`textAt:<clientID>`), by documents written
 * before text edits were records; 0 when there is none.
 */
function textEditedAt(row: Y.Map<unknown>): number {
  let at = 0;
  row.forEach((v, k) => {
    if (k.startsWith('textAt:') && typeof v === 'number') at = Math.max(at, v);
  });
  return at;
}

/** The Y.Text behind a note, reasoning or resolution (edit it with insert/delete). */
export function textOf(doc: Y.Doc, table: 'annotations' | 'groups', row: string, field: string) {
  const text = rowsMap(doc, table).get(row)?.get(field);
  if (!(text instanceof Y.Text)) throw new Error(`No text ${field} on ${table} row ${row}.`);
  return text;
}

function resolveRow(doc: Y.Doc, table: SyncTable, row: string, writes: FieldWrite[]) {
  const fields = byField(writes);
  const values: Record<string, unknown> = {};
  const conflicts: Conflict[] = [];
  const names = new Set<string>([...SCALAR_FIELDS[table], ...fields.keys()]);
  for (const field of names) {
    if (isTextEdit({ table, field })) continue;
    const state = fieldState(fields.get(field) ?? [], initialValue(doc, table, row, field));
    values[field] = state.value;
    // Two editors who both deleted a row agree (it is deleted); only their times differ.
    const bothDeleted = field === 'deletedAt' && state.heads.every((h) => h.value !== null);
    if (state.conflict && !bothDeleted) {
      conflicts.push({ kind: 'field', table, row, field, heads: state.heads });
    }
    if (field === 'deletedAt' && state.value !== null) {
      const edits = editsUnseenByDelete(writes, state.heads);
      if (edits.length > 0) {
        conflicts.push({ kind: 'deleted-while-edited', table, row, deletes: state.heads, edits });
      }
    }
  }
  const updatedAt = writes.reduce((m, w) => Math.max(m, w.at), 0);
  return { values, conflicts, updatedAt };
}

/** Tags: the initial list, then each tag's own presence field, sorted for a stable order. */
function tagsOf(base: { tags: string[] }, values: Record<string, unknown>): string[] {
  const tags = new Set(base.tags);
  for (const [k, v] of Object.entries(values)) {
    if (!k.startsWith('tag:')) continue;
    if (v === true) tags.add(k.slice(4));
    else tags.delete(k.slice(4));
  }
  return [...tags].sort();
}

/** The story as app rows (tombstoned rows included, as in the store) plus open conflicts. */
export function readStory(doc: Y.Doc): StoryTables {
  const index = new Map<string, FieldWrite[]>();
  const exitsOf = new Map<string, FieldWrite[]>();
  const add = (map: Map<string, FieldWrite[]>, key: string, w: FieldWrite) => {
    const list = map.get(key);
    if (list) list.push(w);
    else map.set(key, [w]);
  };
  writesMap(doc).forEach((w) => {
    add(index, `${w.table}/${w.row}`, w);
    if (w.exits !== undefined) add(exitsOf, w.exits, w);
  });
  const conflicts: Conflict[] = [];
  const writesOf = (table: SyncTable, id: string) => index.get(`${table}/${id}`) ?? [];

  const articles: Article[] = [];
  articlesMap(doc).forEach((base, id) => {
    const r = resolveRow(doc, 'articles', id, writesOf('articles', id));
    conflicts.push(...r.conflicts);
    articles.push({
      ...base,
      title: r.values.title as string,
      deletedAt: r.values.deletedAt as number | null,
      updatedAt: Math.max(base.createdAt, r.updatedAt),
    });
  });

  const annotations: Annotation[] = [];
  rowsMap(doc, 'annotations').forEach((row, id) => {
    const base = row.get('base') as AnnotationBase;
    const r = resolveRow(doc, 'annotations', id, writesOf('annotations', id));
    conflicts.push(...r.conflicts);
    annotations.push({
      ...base,
      kind: r.values.kind as Annotation['kind'],
      speaker: r.values.speaker as string | null,
      stance: r.values.stance as Annotation['stance'],
      groupId: r.values.groupId as string | null,
      deletedAt: r.values.deletedAt as number | null,
      tags: tagsOf(base, r.values),
      note: (row.get('note') as Y.Text).toString(),
      updatedAt: Math.max(base.createdAt, r.updatedAt, textEditedAt(row)),
    });
  });

  const groups: ClaimGroup[] = [];
  rowsMap(doc, 'groups').forEach((row, id) => {
    const base = row.get('base') as GroupBase;
    const r = resolveRow(doc, 'groups', id, writesOf('groups', id));
    conflicts.push(...r.conflicts);
    groups.push({
      ...base,
      label: r.values.label as string,
      labelEdited: r.values.labelEdited as boolean,
      verdict: r.values.verdict as string | null,
      status: r.values.status as ClaimGroup['status'],
      // Derived from membership below (deriveGroupFacts); a legacy written value is a start.
      deletedAt: (r.values.deletedAt ?? base.deletedAt ?? null) as number | null,
      reasoning: (row.get('reasoning') as Y.Text).toString(),
      resolution: (row.get('resolution') as Y.Text).toString(),
      updatedAt: Math.max(base.createdAt, r.updatedAt, textEditedAt(row)),
    });
  });

  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const derivedGroups = deriveGroupFacts(groups, annotations);
  const groupById = new Map(derivedGroups.map((g) => [g.id, g]));
  // An empty group is deleted on read; an edit its emptying had not seen is listed, not lost.
  for (const g of derivedGroups) {
    if (g.deletedAt === null) continue;
    const edits = writesOf('groups', g.id).filter(
      (w) => w.field !== 'deletedAt' && !isDerivedField('groups', w.field, g),
    );
    const loss = lostToEmptying(exitsOf.get(g.id) ?? [], edits);
    if (loss) conflicts.push({ kind: 'emptied-while-edited', table: 'groups', row: g.id, ...loss });
  }
  // A derived fact is never a conflict: it follows from the members, which merge on their own.
  // A group's own delete is derived too: its emptying's conflicts are the ones listed above.
  const shown = conflicts.filter(
    (c) =>
      c.table !== 'groups' ||
      c.kind === 'emptied-while-edited' ||
      (c.kind === 'field' && !isDerivedField('groups', c.field, groupById.get(c.row) ?? {})),
  );
  return {
    articles: articles.sort(byId),
    annotations: annotations.sort(byId),
    groups: derivedGroups.sort(byId),
    conflicts: shown.sort((a, b) =>
      `${a.table}/${a.row}/${a.kind}/${'field' in a ? a.field : ''}` <
      `${b.table}/${b.row}/${b.kind}/${'field' in b ? b.field : ''}`
        ? -1
        : 1,
    ),
  };
}
