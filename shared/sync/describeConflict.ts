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

/** What one write did, in an editor's words (null: said by another write of the same change). */
function action(w: FieldWrite): string | null {
  if (w.field.startsWith('tag:')) {
    return w.value ? `tagged it “${w.field.slice(4)}”` : `removed the tag “${w.field.slice(4)}”`;
  }
  switch (w.field) {
    case 'groupId':
      return w.value ? 'linked it into a claim group' : 'unlinked it';
    case 'stance':
      return 'changed its stance';
    case 'note':
    case 'reasoning':
      return `edited its ${w.field}`;
    case 'resolution':
      return 'edited its resolution note';
    case 'verdict':
      return w.value === null ? 'cleared its verdict' : `rated it “${String(w.value)}”`;
    case 'status':
      return `set its status to “${String(w.value)}”`;
    case 'label':
      return `renamed it “${shorten(String(w.value))}”`;
    case 'labelEdited':
      return w.value ? null : 'gave it back its default label';
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
    const act = action(w);
    if ((w.field === 'stance' && linked) || act === null) continue;
    const set = byEditor.get(who) ?? new Set<string>();
    set.add(act);
    byEditor.set(who, set);
  }
  return [...byEditor].map(([who, acts]) => `${who} ${[...acts].join(', ')}`).join('; ');
}

/** How one exit took part in emptying a group, in an editor's words. */
function leaving(story: StoryTables, w: FieldWrite): string {
  if (w.table === 'groups') return 'confirmed its removal';
  const a = story.annotations.find((r) => r.id === w.row);
  const what = a ? `“${shorten(a.quote.exact)}”` : 'an annotation';
  if (w.field === 'deletedAt') return `deleted ${what}`;
  return w.value === null ? `unlinked ${what}` : `moved ${what} to another group`;
}

/**
 * "Ana rated it “False”; Ben unlinked “…”, which left it empty": the group edits an emptying
 * crossed, then who emptied it and how.
 */
export function describeEmptiedGroup(
  story: StoryTables,
  c: Extract<Conflict, { kind: 'emptied-while-edited' }>,
): string {
  const byEditor = new Map<string, Set<string>>();
  for (const w of c.leaves) {
    const who = w.by ?? 'Someone';
    byEditor.set(who, (byEditor.get(who) ?? new Set<string>()).add(leaving(story, w)));
  }
  const leaves = [...byEditor].map(([who, acts]) => `${who} ${[...acts].join(', ')}`).join('; ');
  return `${describeCrossedEdits(c.edits)}; ${leaves}, which left it empty`;
}
