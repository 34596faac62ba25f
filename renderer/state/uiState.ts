import { db } from '../db/database';
import { createStore } from './createStore';

export type MainView = 'read' | 'review' | 'groups' | 'matrix';

export interface UiState {
  openArticleId: string | null;
  selectedAnnotationId: string | null;
  view: MainView;
  /** Articles shown side by side in review (2–4). */
  reviewArticleIds: string[];
  /** The claim group followed across review columns. */
  focusedGroupId: string | null;
  /** The library sidebar is folded away (Ctrl/Cmd+B or its button); remembered. */
  libraryCollapsed: boolean;
  /** The annotation panel (list and inspector) is folded away (Ctrl/Cmd+Alt+B); remembered. */
  inspectorCollapsed: boolean;
  /** True once the persisted state was read, so first paint does not flash the empty state. */
  restored: boolean;
}

const SETTINGS_KEY = 'ui';

/** The part of the UI state that survives a restart. */
type PersistedUi = Pick<
  UiState,
  | 'openArticleId'
  | 'view'
  | 'reviewArticleIds'
  | 'focusedGroupId'
  | 'libraryCollapsed'
  | 'inspectorCollapsed'
>;
const PERSISTED: readonly (keyof PersistedUi)[] = [
  'openArticleId',
  'view',
  'reviewArticleIds',
  'focusedGroupId',
  'libraryCollapsed',
  'inspectorCollapsed',
];

export const uiStore = createStore<UiState>({
  openArticleId: null,
  selectedAnnotationId: null,
  view: 'read',
  reviewArticleIds: [],
  focusedGroupId: null,
  libraryCollapsed: false,
  inspectorCollapsed: false,
  restored: false,
});

export async function restoreUiState(): Promise<void> {
  const row = await db.settings.get(SETTINGS_KEY);
  const saved = (row?.value ?? {}) as Partial<PersistedUi>;
  uiStore.set((s) => ({
    ...s,
    openArticleId: typeof saved.openArticleId === 'string' ? saved.openArticleId : null,
    view: saved.view ?? 'read',
    reviewArticleIds: Array.isArray(saved.reviewArticleIds) ? saved.reviewArticleIds : [],
    focusedGroupId: typeof saved.focusedGroupId === 'string' ? saved.focusedGroupId : null,
    libraryCollapsed: saved.libraryCollapsed === true,
    inspectorCollapsed: saved.inspectorCollapsed === true,
    restored: true,
  }));
}

/** Update UI state; the persisted part is written to IndexedDB before the promise resolves. */
export async function updateUi(patch: Partial<UiState>): Promise<void> {
  uiStore.set((s) => ({ ...s, ...patch }));
  if (PERSISTED.some((key) => key in patch)) {
    const s = uiStore.get();
    const value = Object.fromEntries(PERSISTED.map((k) => [k, s[k]])) as PersistedUi;
    await db.settings.put({ key: SETTINGS_KEY, value });
  }
}

export function openArticle(articleId: string | null, selectedAnnotationId: string | null = null) {
  return updateUi({ openArticleId: articleId, selectedAnnotationId, view: 'read' });
}

export function selectAnnotation(id: string | null) {
  uiStore.set((s) => ({ ...s, selectedAnnotationId: id }));
}

/** Fold or unfold a side panel; the choice survives a restart. */
export function togglePanel(panel: 'library' | 'inspector'): Promise<void> {
  const key = panel === 'library' ? 'libraryCollapsed' : 'inspectorCollapsed';
  return updateUi({ [key]: !uiStore.get()[key] });
}
