import { describe, expect, it } from 'vitest';
import { checkSpace, diskFullMessage, isQuotaError } from './storageSpace';

const MB = 1024 * 1024;

describe('disk-full messages', () => {
  it('names both numbers when the browser reported less free space than needed', () => {
    expect(diskFullMessage(48.1 * MB, 3.5 * MB)).toBe(
      'The disk is full (needed 48.1 MB, free 3.5 MB). Free some disk space, then import again. Nothing was changed.',
    );
    expect(checkSpace(10 * MB, { usage: 2 * MB, quota: 7 * MB })).toBe(
      'The disk is full (needed 10.0 MB, free 5.0 MB). Free some disk space, then import again. Nothing was changed.',
    );
    expect(checkSpace(4 * MB, { usage: 2 * MB, quota: 7 * MB })).toBeNull();
  });

  it('after a real quota error, never repeats a static quota (usage + 1 GiB) as the free space', () => {
    // What Chromium reported on a 12 MB tmpfs right after IndexedDB ran out of disk.
    const reported = 1024 * MB;
    expect(diskFullMessage(48.1 * MB, reported)).toBe(
      'The disk is full (needed 48.1 MB, free less than 48.1 MB: the browser does not report the real free space). Free some disk space, then import again. Nothing was changed.',
    );
    expect(diskFullMessage(2 * MB, null)).toContain('free less than 2.0 MB');
  });

  it('recognises a quota error however Dexie wrapped it', () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [{ name: 'AbortError' }, quota] })).toBe(
      true,
    );
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
