/**
 * Format 2 → format 3, on the parsed JSON (the reader then validates it like any format-3
 * bundle). Format 2 (app 0.1.x) differed in:
 *  - articles had no authors, url, language or structure, and an app id of their own
 *    (format 3 names every article by its sha256);
 *  - annotations had no tags or creator; a grouped annotation carried its stance as
 *    `corroborate:stance` on its linking body (format 3: an "assessing" body);
 *  - targets had no `type`; a group's body was a single describing body, its targets plain
 *    {source, corroborate:stance} objects, and groups had no verdict, reasoning, status or
 *    resolution (they become null, "", "open", "");
 *  - the AnnotationPage had no id.
 * A group target's stance must agree with its member's own: the two copies were the check.
 */
import { EXPORT_AGAIN, fail } from './errors';
import { ENTRY } from './format';
import type {
  AnnotationBodyLd,
  AnnotationCollection,
  ArticlesFile,
  GroupAnnotationLd,
  TextAnnotationLd,
} from './schema';
import { WORKSPACE_URN } from './schema';
import type { V2AnnotationCollection, V2ArticlesFile } from './schemaV2';

export function upgradeArticlesV2(file: V2ArticlesFile): ArticlesFile {
  return {
    articles: file.articles.map((a) => ({
      ...a,
      id: a.sha256,
      authors: [],
      url: null,
      language: null,
      structure: null,
    })),
  };
}

export function upgradeCollectionV2(coll: V2AnnotationCollection): AnnotationCollection {
  // Stance as each group lists it, to compare with the stance each member states.
  const listed = new Map<string, { group: string; stance: string | null }>();
  for (const item of coll.first.items) {
    if (item.motivation !== 'linking') continue;
    for (const t of item.target)
      listed.set(t.source, { group: item.id, stance: t['corroborate:stance'] });
  }
  const items = coll.first.items.map((item): TextAnnotationLd | GroupAnnotationLd => {
    if (item.motivation === 'linking') {
      return {
        id: item.id,
        type: 'Annotation',
        motivation: 'linking',
        created: item.created,
        modified: item.modified,
        body: [item.body],
        'corroborate:labelEdited': item['corroborate:labelEdited'],
        'corroborate:status': 'open',
        'corroborate:resolution': '',
        target:
          item.target.length > 0
            ? item.target.map((t) => ({ type: 'SpecificResource' as const, source: t.source }))
            : [{ type: 'SpecificResource', source: WORKSPACE_URN }],
      };
    }
    const body: AnnotationBodyLd[] = [];
    for (const b of item.body) {
      if (b.purpose !== 'linking') {
        body.push(b);
        continue;
      }
      const stance = b['corroborate:stance'];
      const entry = listed.get(item.id);
      if (entry && entry.group === b.source && entry.stance !== stance) {
        fail(
          'group-mismatch',
          `The annotation “${item.id}” and its claim group disagree about its membership or stance. ${EXPORT_AGAIN}`,
          ENTRY.annotations,
        );
      }
      body.push({ type: 'SpecificResource', purpose: 'linking', source: b.source });
      if (stance !== null) body.push({ type: 'TextualBody', purpose: 'assessing', value: stance });
    }
    return {
      id: item.id,
      type: 'Annotation',
      motivation: 'highlighting',
      created: item.created,
      modified: item.modified,
      body,
      target: { type: 'SpecificResource', ...item.target },
    };
  });
  const page = `${coll.id}:page:1`;
  return {
    '@context': coll['@context'],
    id: coll.id,
    type: 'AnnotationCollection',
    label: coll.label,
    total: coll.total,
    first: { id: page, type: 'AnnotationPage', partOf: coll.id, startIndex: 0, items },
  };
}
