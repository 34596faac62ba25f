/**
 * One story as one Y.Doc. Layout (top-level types):
 *  - `articles`     Y.Map sha256 → immutable article content (identical for everyone who imports
 *                   the same text, so two concurrent imports give one article).
 *  - `annotations`  Y.Map id → Y.Map { base: immutable fields + initial scalars, note: Y.Text }
 *  - `groups`       Y.Map id → Y.Map { base, reasoning: Y.Text, resolution: Y.Text }
 *  - `writes`       Y.Map writeId → FieldWrite: every scalar edit of every row (see writes.ts),
 *                   kept apart from the rows so a write can never be lost with a row object.
 * Texts merge character by character (Y.Text); scalars merge by write records and surface
 * conflicts; deletes are tombstones (`deletedAt` writes); undo is a new write by its author.
 */
import * as Y from 'yjs';
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { deriveGroupFacts } from '../rules/groups';
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
  };
  // A delete remembers what it saw, so edits made meanwhile by others surface as a conflict.
  if (field === 'deletedAt' && value !== null) record.saw = writes.map((w) => w.id);
  doc.transact(() => writesMap(doc).set(record.id, record), origin);
  return record;
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
  if (!target || target.by !== by) return null;
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
  };
  if (record.field === 'deletedAt' && record.value !== null) {
    record.saw = rowWrites(doc, target.table, target.row).map((w) => w.id);
  }
  doc.transact(() => writesMap(doc).set(record.id, record), origin);
  return record;
}

/**
 * Records when an editor last changed a row's texts, so a note edit moves the row's last-edit
 * time like any scalar edit. One key per replica (`textAt:<clientID>`): concurrent edits never
 * overwrite each other's time, and every replica reads the same maximum.
 */
export function touchTexts(
  doc: Y.Doc,
  table: 'annotations' | 'groups',
  row: string,
  at: number,
  origin: ChangeOrigin = 'local',
): void {
  const map = rowsMap(doc, table).get(row);
  if (!map) throw new Error(`No ${table} row ${row} in this story.`);
  const key = `textAt:${doc.clientID}`;
  const prev = map.get(key);
  if (typeof prev === 'number' && prev >= at) return;
  doc.transact(() => map.set(key, at), origin);
}

/** The latest text edit time on a row (0 when its texts were never edited). */
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
    const state = fieldState(fields.get(field) ?? [], initialValue(doc, table, row, field));
    values[field] = state.value;
    if (state.conflict) conflicts.push({ kind: 'field', table, row, field, heads: state.heads });
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
  writesMap(doc).forEach((w) => {
    const key = `${w.table}/${w.row}`;
    const list = index.get(key);
    if (list) list.push(w);
    else index.set(key, [w]);
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
  // A derived fact is never a conflict: it follows from the members, which merge on their own.
  const shown = conflicts.filter(
    (c) =>
      c.table !== 'groups' ||
      (c.kind === 'field' ? !isDerivedField('groups', c.field, groupById.get(c.row) ?? {}) : false),
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
