/**
 * Words for a conflict, so the editor sees which row it is about and what each teammate did
 * (pure: the story's rows and a conflict in, text out).
 */
import type { Conflict, StoryTables } from './storyDoc';
import type { FieldWrite } from './writes';

const SUBJECT_MAX = 80;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SUBJECT_MAX ? `${flat.slice(0, SUBJECT_MAX - 1).trimEnd()}…` : flat;
}

/** The row a conflict is about, as the editor knows it: the tagged text, a group's or article's title. */
export function conflictSubject(story: StoryTables, c: Conflict): string {
  if (c.table === 'annotations') {
    const a = story.annotations.find((r) => r.id === c.row);
    return a ? `“${shorten(a.quote.exact)}”` : 'an annotation';
  }
  if (c.table === 'groups') {
    const g = story.groups.find((r) => r.id === c.row);
    return g ? `group “${shorten(g.label)}”` : 'a claim group';
  }
  const article = story.articles.find((r) => r.id === c.row);
  return article ? `article “${shorten(article.title)}”` : 'an article';
}

/** What one write did, in an editor's words. */
function action(w: FieldWrite): string {
  if (w.field.startsWith('tag:')) {
    return w.value ? `tagged it “${w.field.slice(4)}”` : `removed the tag “${w.field.slice(4)}”`;
  }
  switch (w.field) {
    case 'groupId':
      return w.value ? 'linked it into a claim group' : 'unlinked it';
    case 'stance':
      return 'changed its stance';
    default:
      return `changed its ${w.field}`;
  }
}

/**
 * "Ben linked it into a claim group; Cleo changed its speaker": the edits a delete crossed, one
 * phrase per editor and action (a link's stance is part of linking, so it is not repeated).
 */
export function describeCrossedEdits(edits: readonly FieldWrite[]): string {
  const byEditor = new Map<string, Set<string>>();
  for (const w of edits) {
    const who = w.by ?? 'Someone';
    const linked = edits.some((e) => e.by === w.by && e.field === 'groupId' && e.value);
    if (w.field === 'stance' && linked) continue;
    const set = byEditor.get(who) ?? new Set<string>();
    set.add(action(w));
    byEditor.set(who, set);
  }
  return [...byEditor].map(([who, acts]) => `${who} ${[...acts].join(', ')}`).join('; ');
}
