/**
 * Workspace ⇄ W3C Web Annotation JSON-LD (annotations.jsonld, also the standalone JSON-LD export).
 *
 * Decision: claim groups live in the same AnnotationCollection as the text annotations, as
 * `motivation: "linking"` annotations with one SpecificResource target per member. One file is
 * then a complete, standard collection any Web Annotation tool can read, and the standalone
 * export is byte-for-byte the bundle entry. Mapping of app fields (format 3, README):
 *   kind       → TextualBody, purpose "classifying", value "claim" | "quote" (always present)
 *   speaker    → TextualBody, purpose "identifying" (absent when null)
 *   note       → TextualBody, purpose "commenting" (absent when empty)
 *   tags       → one TextualBody per tag, purpose "tagging", in the editor's order
 *   group      → SpecificResource body, purpose "linking", source urn:corroborate:group:<id>
 *   stance     → TextualBody, purpose "assessing", value "agrees" | "conflicts" (with a group)
 *   author     → creator {type: Person, name} (absent when null)
 *   target     → SpecificResource {source: urn:corroborate:article:<sha256>, selector: [quote, position]}
 *   group row  → describing body (label), assessing body (verdict, absent when null),
 *                commenting body (reasoning, absent when empty), corroborate:labelEdited,
 *                corroborate:status, corroborate:resolution; targets: SpecificResource per member
 *                (urn:corroborate:workspace for a group without members: W3C wants a target)
 *   offsets    → TextPositionSelector in code points; createdAt/updatedAt → created/modified.
 * Deleted rows (tombstones) are not exported (order.ts leaves them out).
 */
import type { Annotation, Article, ClaimGroup, Stance } from '../model/types';
import { offsetConverter, type OffsetConverter } from '../anchoring/codepoints';
import { EXPORT_AGAIN, fail } from './errors';
import {
  ENTRY,
  JSONLD_CONTEXT,
  annotationUrn,
  articleUrn,
  fromIso,
  groupUrn,
  parseUrn,
  toIso,
} from './format';
import { sortWorkspace } from './order';
import {
  WORKSPACE_URN,
  type AnnotationBodyLd,
  type AnnotationCollection,
  type GroupAnnotationLd,
  type GroupBodyLd,
  type TextAnnotationLd,
} from './schema';
import type { Workspace } from './types';

/** Build the collection. Throws Error (a bug, not bad input) if the workspace is inconsistent. */
export function toAnnotationCollection(ws: Workspace, createdAt: string): AnnotationCollection {
  const { articles, annotations, groups } = sortWorkspace(ws);
  const byId = new Map<string, { article: Article; conv: OffsetConverter }>();
  const shas = new Set<string>();
  for (const article of articles) {
    if (shas.has(article.sha256)) {
      throw new Error(`Two articles share sha256 ${article.sha256}; merge them before exporting.`);
    }
    shas.add(article.sha256);
    byId.set(article.id, { article, conv: offsetConverter(article.text) });
  }
  const groupIds = new Set(groups.map((g) => g.id));

  const textItems = annotations.map((a): TextAnnotationLd => {
    const entry = byId.get(a.articleId);
    if (!entry) throw new Error(`Annotation ${a.id} points to missing article ${a.articleId}.`);
    if (a.groupId !== null && !groupIds.has(a.groupId)) {
      throw new Error(`Annotation ${a.id} points to missing group ${a.groupId}.`);
    }
    const body: AnnotationBodyLd[] = [
      { type: 'TextualBody', purpose: 'classifying', value: a.kind },
    ];
    if (a.speaker !== null) {
      body.push({ type: 'TextualBody', purpose: 'identifying', value: a.speaker });
    }
    if (a.note !== '') {
      body.push({
        type: 'TextualBody',
        purpose: 'commenting',
        value: a.note,
        format: 'text/plain',
      });
    }
    for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
    if (a.groupId !== null) {
      body.push({ type: 'SpecificResource', purpose: 'linking', source: groupUrn(a.groupId) });
      if (a.stance !== null) {
        body.push({ type: 'TextualBody', purpose: 'assessing', value: a.stance });
      }
    }
    const item: TextAnnotationLd = {
      id: annotationUrn(a.id),
      type: 'Annotation',
      motivation: 'highlighting',
      created: toIso(a.createdAt),
      modified: toIso(Math.max(a.createdAt, a.updatedAt)),
      body,
      target: {
        type: 'SpecificResource',
        source: articleUrn(entry.article.sha256),
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: a.quote.exact,
            prefix: a.quote.prefix,
            suffix: a.quote.suffix,
          },
          {
            type: 'TextPositionSelector',
            start: entry.conv.toCodePoint(a.position.start),
            end: entry.conv.toCodePoint(a.position.end),
          },
        ],
      },
    };
    if (a.author !== null) item.creator = { type: 'Person', name: a.author };
    return item;
  });

  const membersOf = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.groupId === null) continue;
    const list = membersOf.get(a.groupId);
    if (list) list.push(a);
    else membersOf.set(a.groupId, [a]);
  }
  const groupItems = groups.map((g): GroupAnnotationLd => {
    const body: GroupBodyLd[] = [{ type: 'TextualBody', purpose: 'describing', value: g.label }];
    if (g.verdict !== null)
      body.push({ type: 'TextualBody', purpose: 'assessing', value: g.verdict });
    if (g.reasoning !== '') {
      body.push({ type: 'TextualBody', purpose: 'commenting', value: g.reasoning });
    }
    const members = membersOf.get(g.id) ?? [];
    return {
      id: groupUrn(g.id),
      type: 'Annotation',
      motivation: 'linking',
      created: toIso(g.createdAt),
      modified: toIso(Math.max(g.createdAt, g.updatedAt)),
      body,
      'corroborate:labelEdited': g.labelEdited,
      'corroborate:status': g.status,
      'corroborate:resolution': g.resolution,
      target:
        members.length > 0
          ? members.map((a) => ({ type: 'SpecificResource', source: annotationUrn(a.id) }))
          : [{ type: 'SpecificResource', source: WORKSPACE_URN }],
    };
  });

  const collectionId = `urn:corroborate:collection:${createdAt}`;
  return {
    '@context': [JSONLD_CONTEXT[0], { corroborate: JSONLD_CONTEXT[1].corroborate }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Corroborate annotations',
    total: textItems.length + groupItems.length,
    first: {
      id: `${collectionId}:page:1`,
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items: [...textItems, ...groupItems],
    },
  };
}

/**
 * Collection → app annotations and groups, checking everything the schema cannot: ids unique,
 * targets present, offsets inside the article, group membership consistent both ways.
 * `articles` are the bundle's (already validated) articles. Throws BundleFailure.
 */
export function fromAnnotationCollection(
  coll: AnnotationCollection,
  articles: Article[],
): { annotations: Annotation[]; groups: ClaimGroup[] } {
  const items = coll.first.items;
  const reader = collectionReader(
    coll.total,
    items.length,
    items.filter((x): x is GroupAnnotationLd => x.motivation === 'linking'),
    articles,
  );
  const annotations: Annotation[] = [];
  for (const item of items) {
    if (item.motivation === 'highlighting') annotations.push(reader.annotation(item));
  }
  reader.finish();
  return { annotations, groups: reader.groups };
}

/**
 * The collection read one annotation at a time, so an importer can write the rows converted so
 * far while it converts the next ones (shared/bundle/staged.ts). Groups come first (annotations
 * are checked against them); `annotation` must then be called for every text annotation in
 * collection order, and `finish` last: it checks what needs them all.
 */
export interface CollectionReader {
  groups: ClaimGroup[];
  annotation(item: TextAnnotationLd): Annotation;
  finish(): void;
}

export function collectionReader(
  total: number,
  itemCount: number,
  groupItems: GroupAnnotationLd[],
  articles: Article[],
): CollectionReader {
  const E = ENTRY.annotations;
  const bySha = new Map(articles.map((a) => [a.sha256, a]));
  const convs = new Map<string, OffsetConverter>();
  if (total !== itemCount) {
    fail(
      'count-mismatch',
      `annotations.jsonld says it holds ${total} items but lists ${itemCount}: the bundle is incomplete or was edited. ${EXPORT_AGAIN}`,
      E,
    );
  }

  const groups: ClaimGroup[] = [];
  const groupMembers = new Map<string, Set<string>>();
  const groupLabel = new Map<string, string>();
  for (const item of groupItems) {
    const id =
      parseUrn('group', item.id) ??
      fail('invalid-content', `Malformed group id “${item.id}”. ${EXPORT_AGAIN}`, E);
    if (groupMembers.has(id)) {
      fail(
        'duplicate-id',
        `Two claim groups share the id “${id}”, so one would overwrite the other. ${EXPORT_AGAIN}`,
        E,
      );
    }
    const bodies = new Map<string, GroupBodyLd>();
    for (const b of item.body) {
      if (bodies.has(b.purpose)) {
        fail(
          'invalid-content',
          `The claim group “${id}” has two “${b.purpose}” bodies; Corroborate expects at most one. ${EXPORT_AGAIN}`,
          E,
        );
      }
      bodies.set(b.purpose, b);
    }
    const label = bodies.get('describing');
    if (!label) {
      fail(
        'invalid-content',
        `The claim group “${id}” has no label (no “describing” body). ${EXPORT_AGAIN}`,
        E,
      );
    }
    const members = new Set<string>();
    for (const t of item.target) {
      if (t.source === WORKSPACE_URN) continue;
      const memberId =
        parseUrn('annotation', t.source) ??
        fail(
          'invalid-content',
          `Claim group “${label.value}” has a malformed member “${t.source}”. ${EXPORT_AGAIN}`,
          E,
        );
      members.add(memberId);
    }
    groupMembers.set(id, members);
    groupLabel.set(id, label.value);
    groups.push({
      id,
      label: label.value,
      labelEdited: item['corroborate:labelEdited'],
      verdict: bodies.get('assessing')?.value ?? null,
      reasoning: bodies.get('commenting')?.value ?? '',
      status: item['corroborate:status'],
      resolution: item['corroborate:resolution'],
      createdAt: fromIso(item.created),
      updatedAt: Math.max(fromIso(item.created), fromIso(item.modified)),
      deletedAt: null,
    });
  }

  const seen = new Set<string>();
  // id → group, for the final two-way membership check.
  const annotationGroup = new Map<string, string | null>();

  function annotation(item: TextAnnotationLd): Annotation {
    const id =
      parseUrn('annotation', item.id) ??
      fail('invalid-content', `Malformed annotation id “${item.id}”. ${EXPORT_AGAIN}`, E);
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    if (!quote || !pos) {
      fail(
        'invalid-content',
        `Annotation “${id}” needs one TextQuoteSelector and one TextPositionSelector. ${EXPORT_AGAIN}`,
        E,
      );
    }
    // Only built when a message needs it: excerpting 10,000 quotes up front is measurable.
    const name = () => `The annotation “${excerpt(quote.exact)}”`;
    if (seen.has(id)) {
      fail(
        'duplicate-id',
        `Two annotations share the id “${id}” (one is “${excerpt(quote.exact)}”), so one would overwrite the other. ${EXPORT_AGAIN}`,
        E,
      );
    }
    seen.add(id);
    const sha = parseUrn('article', item.target.source);
    const article = sha === null ? undefined : bySha.get(sha);
    if (!article) {
      fail(
        'missing-article',
        `${name()} points to an article that is not in the bundle (${item.target.source}). ${EXPORT_AGAIN}`,
        E,
      );
    }
    let conv = convs.get(article.id);
    if (!conv) convs.set(article.id, (conv = offsetConverter(article.text)));
    const start = conv.toUtf16(pos.start);
    const end = conv.toUtf16(pos.end);
    if (start < 0 || end < 0 || pos.start >= pos.end) {
      fail(
        'offset-out-of-range',
        `${name()} points at characters ${pos.start}–${pos.end} of “${article.title}”, which has ${conv.codePointLength} characters. The bundle was edited or damaged. ${EXPORT_AGAIN}`,
        E,
      );
    }

    const bodies = new Map<string, AnnotationBodyLd>();
    const tags: string[] = [];
    for (const b of item.body) {
      if (b.purpose === 'tagging') {
        if (tags.includes(b.value)) {
          fail('invalid-content', `${name()} has the tag “${b.value}” twice. ${EXPORT_AGAIN}`, E);
        }
        tags.push(b.value);
        continue;
      }
      if (bodies.has(b.purpose)) {
        fail(
          'invalid-content',
          `${name()} has two “${b.purpose}” bodies; Corroborate expects at most one. ${EXPORT_AGAIN}`,
          E,
        );
      }
      bodies.set(b.purpose, b);
    }
    const kind = bodies.get('classifying');
    if (kind?.purpose !== 'classifying') {
      fail(
        'invalid-content',
        `${name()} does not say whether it is a claim or a quote (no “classifying” body). ${EXPORT_AGAIN}`,
        E,
      );
    }
    const speaker = bodies.get('identifying');
    const note = bodies.get('commenting');
    const link = bodies.get('linking');
    const assessing = bodies.get('assessing');
    let groupId: string | null = null;
    let stance: Stance | null = null;
    if (link?.purpose === 'linking') {
      groupId = parseUrn('group', link.source);
      const members = groupId === null ? undefined : groupMembers.get(groupId);
      if (groupId === null || !members) {
        fail(
          'group-mismatch',
          `${name()} belongs to a claim group that is not in the bundle (${link.source}). ${EXPORT_AGAIN}`,
          E,
        );
      }
      if (!members.has(id)) {
        fail(
          'group-mismatch',
          `${name()} and the claim group “${groupLabel.get(groupId)}” disagree about its membership. ${EXPORT_AGAIN}`,
          E,
        );
      }
      stance = assessing?.purpose === 'assessing' ? (assessing.value as Stance) : null;
    } else if (assessing) {
      fail(
        'invalid-content',
        `${name()} has a stance (“assessing” body) but belongs to no claim group. ${EXPORT_AGAIN}`,
        E,
      );
    }
    const row: Annotation = {
      id,
      articleId: article.id,
      kind: kind.value,
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      },
      speaker: speaker?.purpose === 'identifying' ? speaker.value : null,
      note: note?.purpose === 'commenting' ? note.value : '',
      groupId,
      stance,
      tags,
      author: item.creator?.name ?? null,
      createdAt: fromIso(item.created),
      updatedAt: Math.max(fromIso(item.created), fromIso(item.modified)),
      deletedAt: null,
    };
    annotationGroup.set(id, groupId);
    return row;
  }

  function finish(): void {
    // Every member a group lists must be an annotation that says it belongs to that group.
    for (const [gid, members] of groupMembers) {
      for (const memberId of members) {
        if (!annotationGroup.has(memberId)) {
          fail(
            'missing-annotation',
            `The claim group “${groupLabel.get(gid)}” lists an annotation (“${memberId}”) that is not in the bundle. ${EXPORT_AGAIN}`,
            E,
          );
        }
        if (annotationGroup.get(memberId) !== gid) {
          fail(
            'group-mismatch',
            `The claim group “${groupLabel.get(gid)}” lists annotation “${memberId}”, but that annotation does not say it belongs to the group. ${EXPORT_AGAIN}`,
            E,
          );
        }
      }
    }
  }

  return { groups, annotation, finish };
}

/** A short, single-line rendering of a quote for messages. */
export function excerpt(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
