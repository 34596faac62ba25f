import type { Annotation, Article } from '../../../shared/model/types';
import { db } from '../../db/database';
import { checkCancelled, tombstoneEdit, type ChangeProgress, type RowEdit } from '../../db/changes';
import { isLive } from '../../../shared/model/live';
import { applyChange } from '../../state/history';
// Group integrity (empty groups go, labels follow their first member) is one shared rule.
import { leaveGroupEdits } from '../../db/groupEdits';
import { buildAnnotation, type NewAnnotation } from '../../../shared/rules/annotations';
import { annotationsOf, getAnnotation, getArticle } from '../../db/queries';

/**
 * Every annotation change the editor makes. Each is one undoable, committed transaction; the
 * UI reads the result back from IndexedDB (useLiveQuery), so what the editor sees is what was saved.
 */

export async function createAnnotation(
  article: Article,
  input: NewAnnotation,
): Promise<Annotation> {
  const annotation = buildAnnotation(article, input);
  await applyChange(`Tag ${input.kind}`, async () => [
    { table: 'annotations', key: annotation.id, after: annotation },
  ]);
  return annotation;
}

export type AnnotationPatch = Partial<Pick<Annotation, 'kind' | 'speaker' | 'note' | 'tags'>>;

export async function updateAnnotation(
  id: string,
  patch: AnnotationPatch,
  label = 'Edit annotation',
): Promise<void> {
  await applyChange(label, async () => {
    const current = await getAnnotation(id);
    if (!current) throw new Error('This annotation no longer exists.');
    const next: Annotation = { ...current, ...patch, updatedAt: Date.now() };
    if (next.kind === 'claim') next.speaker = null;
    if (typeof next.speaker === 'string') next.speaker = next.speaker.trim() || null;
    return [{ table: 'annotations', key: id, after: next }];
  });
}

/**
 * Delete annotations (tombstones, see shared/model/types.ts); a claim group left without members
 * goes with them (undo restores both).
 */
export async function deleteAnnotations(ids: string[], label = 'Delete annotation'): Promise<void> {
  await applyChange(label, async () => {
    const now = Date.now();
    const rows = (await db.annotations.bulkGet(ids)).filter(
      (a): a is Annotation => !!a && isLive(a),
    );
    const edits: RowEdit[] = rows.map((a) => tombstoneEdit('annotations', a, now));
    return [...edits, ...(await leaveGroupEdits(rows, now))];
  });
}

/**
 * Delete an article with all its annotations (and groups they leave empty). Undoable in one
 * step; `progress` follows it (an article may hold 100,000 annotations) and can stop it.
 */
export async function deleteArticle(articleId: string, progress?: ChangeProgress): Promise<void> {
  await applyChange(
    'Delete article',
    async () => {
      const now = Date.now();
      const article = await getArticle(articleId);
      if (!article) return [];
      const anns = await annotationsOf(articleId);
      progress?.report('reading', anns.length + 1, anns.length + 1);
      checkCancelled(progress);
      const edits: RowEdit[] = [tombstoneEdit('articles', article, now)];
      for (const a of anns) edits.push(tombstoneEdit('annotations', a, now));
      return [...edits, ...(await leaveGroupEdits(anns, now))];
    },
    progress,
  );
}

/** Speakers already used in the workspace, most used first, for the quote prompt. */
export async function knownSpeakers(): Promise<string[]> {
  const counts = new Map<string, number>();
  // Only packs holding a speaker are read (their index); kind still decides (a bundle may carry
  // a claim with one).
  for (const a of await db.annotations.withSpeaker()) {
    if (a.kind === 'quote' && isLive(a)) {
      counts.set(a.speaker!, (counts.get(a.speaker!) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s]) => s);
}
