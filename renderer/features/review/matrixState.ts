import { createStore } from '../../state/createStore';
import type { MatrixFilter, MatrixSort } from './groupModel';

/**
 * The matrix's working state: filter, sort and the cell the editor last stood on. Module-level,
 * so opening a cell in review and coming back finds the same rows and puts focus back there.
 */
export interface MatrixUi {
  filter: MatrixFilter;
  sort: MatrixSort;
  /** The active cell (roving tab stop), by group and article; null column = the label. */
  active: { groupId: string; articleId: string | null } | null;
  /** Return focus to the active cell on the next render (set when a cell opens review). */
  refocus: boolean;
}

export const matrixStore = createStore<MatrixUi>({
  filter: 'all',
  sort: 'created',
  active: null,
  refocus: false,
});

export function setMatrixUi(patch: Partial<MatrixUi>): void {
  matrixStore.set((s) => ({ ...s, ...patch }));
}
