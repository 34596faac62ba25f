import type { ConflictReport } from '../matching';
import type { ConflictState } from './types';

/** The summary's state is the matching module's verdict on the group's figures. */
export function conflictStateOf(report: ConflictReport): ConflictState {
  return report.state;
}
