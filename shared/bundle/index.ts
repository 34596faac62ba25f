/** Public API of the bundle format: write, read (validate), plan a merge. */
export {
  BUNDLE_EXTENSION,
  BUNDLE_MIME,
  ENTRY,
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_BUNDLE_BYTES,
  MAX_UNCOMPRESSED_BYTES,
} from './format';
export type { BundleError, BundleErrorCode } from './errors';
export { BundleFailure } from './errors';
export type { Result } from './result';
export type {
  ExistingWorkspace,
  ParsedBundle,
  ProgressOptions,
  Workspace,
  WriteOptions,
} from './types';
export { writeBundle } from './write';
export { readBundle } from './read';
export { checkBundleSize } from './unzip';
export { planMerge, beginMerge, applyPlan } from './merge';
export type { MergeOptions, MergePlan, MergeSteps, MergeSummary, ReviewEntry } from './merge';
export { stageBundle, stageParsed, canonicalError } from './staged';
export type { StagedBundle } from './staged';
export { bundleJsonSchema } from './schema';
