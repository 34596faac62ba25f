import { test, expect, type Page } from '@playwright/test';
import { clickText, dragSelect, openArticle, SEED_TITLES } from './support/editor';
import { SyncServer, freshProfile, joinStory, storeRows, syncBadge } from './support/share';

/**
 * Issue 10, offline work: two editors keep working while the sync server is down (stopped, so
 * their WebSockets really close), one reloads meanwhile, then the server restarts on the same
 * SQLite file. Texts merge, a scalar both changed is a conflict both see and can resolve, and a
 * delete that crossed a teammate's link or note, or a group emptied while a teammate rated it,
 * is a conflict, never a silent loss.
 */
const QUOTE =
  'are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration.';
const A498 = 'The operation saw 498 individuals from 42 countries arrested';
const B498 = 'a total of 498 illegal immigrants were arrested';

const sync = new SyncServer(47103);

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  await sync.start();
  sync.story('offline-merge', { Ana: 'editor', Ben: 'editor' });
  sync.story('delete-link', { Ana: 'editor', Ben: 'editor' });
  sync.story('crossings', { Ana: 'editor', Ben: 'editor' });
});
test.afterAll(() => sync.stop());

const item = (page: Page, text: string) =>
  page.getByTestId('annotation-item').filter({ hasText: text.slice(0, 30) });

async function offline(...pages: Page[]) {
  await sync.stop();
  for (const p of pages) await expect(syncBadge(p)).toContainText(/Offline|Connecting/);
}

async function online(...pages: Page[]) {
  await sync.start();
  for (const p of pages) {
    await expect(syncBadge(p)).toContainText('Connected', { timeout: 20_000 });
  }
}

/** Edit the open annotation's note as a typist would: caret to one end, type, leave the field. */
async function typeInNote(page: Page, where: 'start' | 'end', text: string) {
  const note = page.getByTestId('inspector-note');
  await note.click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function setSpeaker(page: Page, name: string) {
  const field = page.getByTestId('inspector-speaker');
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(item(page, QUOTE)).toContainText(name);
}

test('offline edits by two editors: the note keeps both, the speaker is a conflict both resolve', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await freshProfile(browser);
  const b = await freshProfile(browser);
  await joinStory(a, sync, await sync.token('offline-merge', 'Ana'), [SEED_TITLES.ice498]);
  await joinStory(b, sync, await sync.token('offline-merge', 'Ben'));
  for (const p of [a, b]) await openArticle(p, SEED_TITLES.ice498);

  // Online: Ana tags a quote with a speaker and a note; Ben gets it.
  await dragSelect(a, QUOTE);
  await a.keyboard.press('q');
  await a.getByTestId('speaker-input').fill('Tom Homan');
  await a.keyboard.press('Enter');
  await typeInNote(a, 'end', 'Check the wording.');
  await expect(item(b, QUOTE)).toContainText('Check the wording.');
  await expect(item(b, QUOTE)).toContainText('Tom Homan');

  await offline(a, b);
  await item(a, QUOTE).click();
  await typeInNote(a, 'end', ' Ana: ask DHS.');
  await setSpeaker(a, 'Thomas Homan');
  await item(b, QUOTE).click();
  await typeInNote(b, 'start', 'Ben: ');
  await setSpeaker(b, 'T. Homan');
  await expect(syncBadge(b)).toContainText('waiting');

  // Ben reloads while the server is still down: his edits come back from IndexedDB.
  await b.reload();
  await expect(syncBadge(b)).toContainText(/(Offline|Connecting…) · \d+ waiting/);
  await openArticle(b, SEED_TITLES.ice498);
  await item(b, QUOTE).click();
  await expect(b.getByTestId('inspector-note')).toHaveValue('Ben: Check the wording.');
  await expect(b.getByTestId('inspector-speaker')).toHaveValue('T. Homan');

  await online(a, b);
  const merged = 'Ben: Check the wording. Ana: ask DHS.';
  for (const p of [a, b]) {
    await expect(p.getByTestId('inspector-note')).toHaveValue(merged);
    await expect(p.getByTestId('sync-conflict-count')).toHaveText('1 conflict');
  }
  // Nothing else differs between the two editors' stores.
  await expect
    .poll(async () => (await storeRows(b)).annotations)
    .toEqual((await storeRows(a)).annotations);
  expect((await storeRows(b)).groups).toEqual((await storeRows(a)).groups);

  // Both see the two speakers side by side, with who wrote each.
  for (const p of [a, b]) {
    await syncBadge(p).click();
    const conflict = p.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('speaker');
    await expect(conflict).toContainText(QUOTE.slice(0, 30));
    await expect(conflict.getByTestId('conflict-value')).toHaveCount(2);
    await expect(conflict.getByTestId('conflict-value').filter({ hasText: 'Ana' })).toContainText(
      'Thomas Homan',
    );
    await expect(conflict.getByTestId('conflict-value').filter({ hasText: 'Ben' })).toContainText(
      'T. Homan',
    );
  }

  // Ana writes a third value; the conflict goes on both sides and both show it.
  await a.getByLabel('Another value').fill('Thomas D. Homan');
  await a.keyboard.press('Enter');
  for (const p of [a, b]) {
    await expect(p.getByTestId('conflict')).toHaveCount(0);
    await expect(p.getByTestId('sync-conflict-count')).toHaveCount(0);
    await p.keyboard.press('Escape');
    await expect(item(p, QUOTE)).toContainText('Thomas D. Homan');
  }
  await expect(b.getByTestId('inspector-speaker')).toHaveValue('Thomas D. Homan');
  await expect
    .poll(async () => (await storeRows(b)).annotations)
    .toEqual((await storeRows(a)).annotations);
});

test('Ana deletes a claim Ben has just linked: the link survives as a conflict Ben can restore', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await freshProfile(browser);
  const b = await freshProfile(browser);
  await joinStory(a, sync, await sync.token('delete-link', 'Ana'), [
    SEED_TITLES.ice498,
    SEED_TITLES.statesCities,
  ]);
  await joinStory(b, sync, await sync.token('delete-link', 'Ben'));

  // Ana tags the 498 claim in two sources; Ben gets both.
  await openArticle(a, SEED_TITLES.statesCities);
  await dragSelect(a, B498);
  await a.keyboard.press('c');
  await openArticle(a, SEED_TITLES.ice498);
  await dragSelect(a, A498);
  await a.keyboard.press('c');
  await openArticle(b, SEED_TITLES.ice498);
  await expect(item(b, A498)).toHaveCount(1);

  await offline(a, b);
  // Ana deletes the claim…
  await clickText(a, A498);
  await a.getByTestId('inspector-delete').click();
  await expect(item(a, A498)).toHaveCount(0);
  // …while Ben links it with the other source's claim.
  await clickText(b, A498);
  await b.getByTestId('link-open').click();
  const match = b
    .getByTestId('suggestion')
    .filter({ hasText: B498.slice(0, 30) })
    .first();
  await match.getByTestId('suggestion-accept').click();
  await expect(b.getByTestId('group-member')).toHaveCount(2);

  await online(a, b);
  // The delete stands for now (the claim leaves both lists), but not silently: both see why.
  for (const p of [a, b]) {
    await expect(item(p, A498)).toHaveCount(0);
    await expect(p.getByTestId('sync-conflict-count')).toHaveText('1 conflict');
    await syncBadge(p).click();
    const conflict = p.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Ana deleted');
    await expect(conflict).toContainText('Ben linked it into a claim group');
    await expect(conflict).toContainText(A498.slice(0, 30));
  }
  // Ben restores it: it comes back on both sides, still linked with the other claim.
  await b.getByTestId('conflict').getByRole('button', { name: 'Restore' }).click();
  for (const p of [a, b]) {
    await expect(p.getByTestId('conflict')).toHaveCount(0);
    await p.keyboard.press('Escape');
    await expect(item(p, A498)).toHaveCount(1);
    await item(p, A498).click();
    await expect(p.getByTestId('group-member')).toHaveCount(2);
  }
  await expect
    .poll(async () => (await storeRows(b)).annotations)
    .toEqual((await storeRows(a)).annotations);
});

test('Ana rates a group Ben empties and deletes a claim whose note Ben edits: two conflicts, both settled', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await freshProfile(browser);
  const b = await freshProfile(browser);
  await joinStory(a, sync, await sync.token('crossings', 'Ana'), [
    SEED_TITLES.ice498,
    SEED_TITLES.statesCities,
  ]);
  await joinStory(b, sync, await sync.token('crossings', 'Ben'));

  // Ana tags the 498 claim in two sources and links them, then unlinks the other source's: the
  // group is left with one claim, A498. She also tags the sanctuary claim.
  await openArticle(a, SEED_TITLES.statesCities);
  await dragSelect(a, B498);
  await a.keyboard.press('c');
  await openArticle(a, SEED_TITLES.ice498);
  await dragSelect(a, QUOTE);
  await a.keyboard.press('c');
  await dragSelect(a, A498);
  await a.keyboard.press('c');
  await a.getByTestId('link-open').click();
  await a
    .getByTestId('suggestion')
    .filter({ hasText: B498.slice(0, 30) })
    .first()
    .getByTestId('suggestion-accept')
    .click();
  const members = a.getByTestId('group-member');
  await expect(members).toHaveCount(2);
  await members
    .filter({ hasText: B498.slice(0, 30) })
    .getByTestId('unlink')
    .click();
  await expect(members).toHaveCount(1);
  await openArticle(b, SEED_TITLES.ice498);
  await item(b, A498).click();
  await expect(b.getByTestId('group-member')).toHaveCount(1);
  await expect(item(b, QUOTE)).toHaveCount(1);

  await offline(a, b);
  // Ana rates the group False and deletes the sanctuary claim…
  await item(a, A498).click();
  await a.getByTestId('verdict-select').selectOption('False');
  await item(a, QUOTE).click();
  await a.getByTestId('inspector-delete').click();
  await expect(item(a, QUOTE)).toHaveCount(0);
  // …while Ben unlinks the group's last claim (the group goes) and writes a note on that claim.
  await item(b, A498).click();
  await b.getByTestId('group-member').getByTestId('unlink').click();
  await expect(b.getByTestId('group-member')).toHaveCount(0);
  await item(b, QUOTE).click();
  await typeInNote(b, 'end', 'Ben: DHS statement, 12 March.');
  await expect(item(b, QUOTE)).toContainText('DHS statement');

  await online(a, b);
  // Neither crossing is silent: both editors see both, each side's action named.
  for (const p of [a, b]) {
    await expect(p.getByTestId('sync-conflict-count')).toHaveText('2 conflicts');
    await syncBadge(p).click();
    const conflicts = p.getByTestId('conflict');
    await expect(conflicts).toHaveCount(2);
    const group = conflicts.filter({ hasText: 'left it empty' });
    await expect(group).toContainText('Ana rated it “False”; Ben unlinked “The operation saw 498');
    await expect(group.getByRole('button', { name: 'Keep the group' })).toBeVisible();
    await expect(group.getByRole('button', { name: 'Accept the removal' })).toBeVisible();
    const deleted = conflicts.filter({ hasText: QUOTE.slice(0, 30) });
    await expect(deleted).toContainText('Ana deleted it while Ben edited its note');
  }

  // Ben keeps the group: A498 is linked back, with Ana's verdict, on both sides.
  await b
    .getByTestId('conflict')
    .filter({ hasText: 'left it empty' })
    .getByRole('button', { name: 'Keep the group' })
    .click();
  // Ana restores the claim: it comes back with Ben's note.
  await a
    .getByTestId('conflict')
    .filter({ hasText: QUOTE.slice(0, 30) })
    .getByRole('button', { name: 'Restore' })
    .click();
  for (const p of [a, b]) {
    await expect(p.getByTestId('conflict')).toHaveCount(0);
    await expect(p.getByTestId('sync-conflict-count')).toHaveCount(0);
    await p.keyboard.press('Escape');
    await expect(item(p, QUOTE)).toContainText('Ben: DHS statement, 12 March.');
    await item(p, A498).click();
    await expect(p.getByTestId('group-member')).toHaveCount(1);
    await expect(p.getByTestId('verdict-select')).toHaveValue('False');
  }
  await expect
    .poll(async () => (await storeRows(b)).annotations)
    .toEqual((await storeRows(a)).annotations);
  expect((await storeRows(b)).groups).toEqual((await storeRows(a)).groups);
});
