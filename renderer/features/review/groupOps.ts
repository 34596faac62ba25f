import type { Annotation, ClaimGroup, Stance } from '../../../shared/model/types';
import type { RowEdit } from '../../db/changes';
import { groupDefaults } from '../../../shared/model/defaults';
import { applyChange } from '../../state/history';
import { buildAnnotation } from '../../../shared/rules/annotations';
import { byAge, defaultLabel } from '../../../shared/rules/groups';
import { leaveGroupEdits } from '../../db/groupEdits';
import { annotationsOf, getAnnotation, getArticle, getGroup, groupMembers } from '../../db/queries';
import { planGroupFacts, type GroupFacts } from '../../../shared/summary';

/**
 * Claim-group edits. Membership lives on the annotation (groupId + stance), the group row holds
 * only its label. Each operation is ONE applyChange: one transaction, one undo step, and the
 * planner reads the rows it changes inside that transaction so it never acts on stale data.
 */

async function loadAnnotation(id: string): Promise<Annotation> {
  const a = await getAnnotation(id);
  if (!a) throw new Error('This annotation no longer exists.');
  return a;
}

/**
 * Edits that put every annotation of `joining` into one group: `groupId` if given, else the
 * group of the first joining annotation that has one, else a new group labelled after the
 * oldest annotation. Members that change group start as 'agrees'.
 */
async function joinPlan(
  joining: Annotation[],
  groupId: string | null,
  now: number,
): Promise<{ edits: RowEdit[]; groupId: string }> {
  const edits: RowEdit[] = [];
  let target: ClaimGroup | undefined;
  const targetId = groupId ?? joining.find((a) => a.groupId)?.groupId ?? null;
  if (targetId) {
    target = await getGroup(targetId);
    if (!target) throw new Error('This claim group no longer exists.');
    edits.push({ table: 'groups', key: target.id, after: { ...target, updatedAt: now } });
  } else {
    // The oldest annotation founds the group (it "states the claim"); ties keep caller order.
    const founder = [...joining].sort((x, y) => x.createdAt - y.createdAt)[0];
    if (!founder) throw new Error('Nothing to link.');
    target = {
      ...groupDefaults(),
      id: crypto.randomUUID(),
      label: defaultLabel(founder.quote.exact),
      labelEdited: false,
      createdAt: now,
      updatedAt: now,
    };
    edits.push({ table: 'groups', key: target.id, after: target });
  }
  const moving = joining.filter((a) => a.groupId !== target.id);
  edits.push(...(await leaveGroupEdits(moving, now)));
  for (const a of moving) {
    const after: Annotation = { ...a, groupId: target.id, stance: 'agrees', updatedAt: now };
    edits.push({ table: 'annotations', key: a.id, after });
  }
  // `moving` holds no member of the target, so `leaveGroupEdits` never deletes the target itself.
  return { edits, groupId: target.id };
}

export type LinkTarget = { annotationId: string } | { groupId: string };

/**
 * Link `annotationId` with another annotation (joining its group, or the source's group, or a
 * new one) or add it to an existing group. Resolves to the group id.
 */
export async function linkAnnotations(annotationId: string, target: LinkTarget): Promise<string> {
  let groupId = '';
  await applyChange('Link claims', async () => {
    const now = Date.now();
    const source = await loadAnnotation(annotationId);
    if ('groupId' in target) {
      const plan = await joinPlan([source], target.groupId, now);
      groupId = plan.groupId;
      return plan.edits;
    }
    const other = await loadAnnotation(target.annotationId);
    if (other.id === source.id) throw new Error('An annotation cannot be linked to itself.');
    // The other annotation's group wins: linking into an existing group is the common case.
    const order = other.groupId ? [other, source] : [source, other];
    const plan = await joinPlan(order, null, now);
    groupId = plan.groupId;
    return plan.edits;
  });
  return groupId;
}

/** Take an annotation out of its group (the group goes when it was the last member). */
export async function unlink(annotationId: string): Promise<void> {
  await applyChange('Unlink claim', async () => {
    const now = Date.now();
    const a = await loadAnnotation(annotationId);
    if (!a.groupId) return [];
    return [
      ...(await leaveGroupEdits([a], now)),
      {
        table: 'annotations',
        key: a.id,
        after: { ...a, groupId: null, stance: null, updatedAt: now },
      },
    ];
  });
}

/** Move an annotation into another existing group. */
export async function moveToGroup(annotationId: string, groupId: string): Promise<void> {
  await applyChange('Move to group', async () => {
    const a = await loadAnnotation(annotationId);
    return (await joinPlan([a], groupId, Date.now())).edits;
  });
}

export async function setStance(annotationId: string, stance: Stance): Promise<void> {
  await applyChange(
    stance === 'conflicts' ? 'Mark as conflicting' : 'Mark as agreeing',
    async () => {
      const a = await loadAnnotation(annotationId);
      if (!a.groupId) throw new Error('Only a linked claim has a stance.');
      if (a.stance === stance) return [];
      return [{ table: 'annotations', key: a.id, after: { ...a, stance, updatedAt: Date.now() } }];
    },
  );
}

/** Rename a group; an empty name goes back to the default (the oldest member's text). */
export async function renameGroup(groupId: string, label: string): Promise<void> {
  await applyChange('Rename group', async () => {
    const group = await getGroup(groupId);
    if (!group) throw new Error('This claim group no longer exists.');
    const trimmed = label.replace(/\s+/g, ' ').trim();
    let next: ClaimGroup;
    if (trimmed) {
      next = { ...group, label: trimmed, labelEdited: true, updatedAt: Date.now() };
    } else {
      const members = (await groupMembers(groupId)).sort(byAge);
      next = {
        ...group,
        label: members[0] ? defaultLabel(members[0].quote.exact) : group.label,
        labelEdited: false,
        updatedAt: Date.now(),
      };
    }
    if (next.label === group.label && next.labelEdited === group.labelEdited) return [];
    return [{ table: 'groups', key: groupId, after: next }];
  });
}

export interface SpanInArticle {
  articleId: string;
  start: number;
  end: number;
}

export interface Accepted {
  annotationId: string;
  groupId: string;
  /** False when an annotation already covered exactly this span and was linked instead. */
  created: boolean;
}

/**
 * Accept a suggestion (or a "find this quote" hit): tag the span in the other article with the
 * source's kind (and speaker, for quotes) and link it to the source, all in ONE change so a
 * single undo removes both the new annotation and the link. An annotation already covering
 * exactly that span is linked rather than duplicated.
 */
export async function acceptSuggestion(
  sourceAnnotationId: string,
  span: SpanInArticle,
): Promise<Accepted> {
  let result: Accepted | null = null;
  await applyChange('Accept suggestion', async () => {
    const now = Date.now();
    const source = await loadAnnotation(sourceAnnotationId);
    const article = await getArticle(span.articleId);
    if (!article) throw new Error('That article was deleted.');
    const existing = (await annotationsOf(span.articleId)).find(
      (a) => a.position.start === span.start && a.position.end === span.end,
    );
    const edits: RowEdit[] = [];
    let other = existing;
    if (!other) {
      other = buildAnnotation(
        article,
        { kind: source.kind, start: span.start, end: span.end, speaker: source.speaker },
        now,
      );
      // Written first so the join below (which rewrites it with its group) sees a real row.
      edits.push({ table: 'annotations', key: other.id, after: other });
    }
    const order = other.groupId ? [other, source] : [source, other];
    const plan = await joinPlan(order, null, now);
    result = { annotationId: other.id, groupId: plan.groupId, created: !existing };
    return [...edits, ...plan.edits];
  });
  return result!;
}

/**
 * "Likely here" (issue 7): tag `span` and put it into the claim group `groupId`, as the
 * group's founder kind (claim or quote, with its speaker). An annotation that already covers
 * exactly the span is linked instead of duplicated; if it belonged to another group it moves
 * (that group is deleted when left empty). Unlike acceptSuggestion, the focused group always
 * stays the target: a match already in another group never pulls this group's member away.
 * One applyChange: one undo step removes the new annotation and the link together.
 */
export async function linkIntoGroup(groupId: string, span: SpanInArticle): Promise<Accepted> {
  let result: Accepted | null = null;
  await applyChange('Link likely match', async () => {
    const now = Date.now();
    const group = await getGroup(groupId);
    if (!group) throw new Error('This claim group no longer exists.');
    const founder = (await groupMembers(groupId)).sort(byAge)[0];
    if (!founder) throw new Error('This claim group has no members to link to.');
    const article = await getArticle(span.articleId);
    if (!article) throw new Error('That article was deleted.');
    const existing = (await annotationsOf(span.articleId)).find(
      (a) => a.position.start === span.start && a.position.end === span.end,
    );
    const edits: RowEdit[] = [];
    let joining = existing;
    if (!joining) {
      joining = buildAnnotation(
        article,
        { kind: founder.kind, start: span.start, end: span.end, speaker: founder.speaker },
        now,
      );
      edits.push({ table: 'annotations', key: joining.id, after: joining });
    }
    const plan = await joinPlan([joining], groupId, now);
    result = { annotationId: joining.id, groupId: plan.groupId, created: !existing };
    return [...edits, ...plan.edits];
  });
  return result!;
}

/** Set a group's verdict, status, reasoning or resolution note: one undoable step. */
export async function setGroupFacts(
  groupId: string,
  patch: Partial<GroupFacts>,
  scale: readonly string[],
): Promise<void> {
  const label =
    patch.verdict !== undefined
      ? 'Rate claim'
      : patch.status !== undefined
        ? 'Set status'
        : patch.resolution !== undefined
          ? 'Edit resolution'
          : 'Edit reasoning';
  await applyChange(label, async () => {
    const group = await getGroup(groupId);
    if (!group) throw new Error('This claim group no longer exists.');
    const next = planGroupFacts(group, patch, scale, Date.now());
    return next ? [{ table: 'groups', key: groupId, after: next }] : [];
  });
}
