import { fail } from './errors';
import type { ProgressOptions } from './types';

export function checkAborted(opts: ProgressOptions): void {
  if (opts.signal?.aborted) fail('aborted', 'Import cancelled. Nothing was changed.');
}
