/**
 * Every way a bundle can be refused. Each error carries a stable `code` (for tests and telemetry)
 * and a `message` written for the editor: what is wrong with the file and what to do about it.
 */
export type BundleErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-a-zip'
  | 'unsupported-method'
  | 'invalid-text'
  | 'version-mismatch'
  | 'json-not-bundle'
  | 'truncated'
  | 'corrupt'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'missing-entry'
  | 'invalid-json'
  | 'not-a-bundle'
  | 'newer-version'
  | 'unsupported-version'
  | 'invalid-content'
  | 'count-mismatch'
  | 'hash-mismatch'
  | 'not-canonical'
  | 'duplicate-id'
  | 'missing-article'
  | 'missing-annotation'
  | 'group-mismatch'
  | 'offset-out-of-range'
  | 'aborted';

export interface BundleError {
  code: BundleErrorCode;
  /** One or two sentences for the editor: what went wrong, then what to do. */
  message: string;
  /** The zip entry concerned, when there is one. */
  entry?: string;
}

export function bundleError(code: BundleErrorCode, message: string, entry?: string): BundleError {
  return entry === undefined ? { code, message } : { code, message, entry };
}

/** Thrown inside the reader to stop at the first problem; readBundle turns it into a Result. */
export class BundleFailure extends Error {
  constructor(readonly error: BundleError) {
    super(error.message);
    this.name = 'BundleFailure';
  }
}

export function fail(code: BundleErrorCode, message: string, entry?: string): never {
  throw new BundleFailure(bundleError(code, message, entry));
}

export const EXPORT_AGAIN = 'Ask whoever sent it to export it again from Corroborate.';

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
