import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { issueToken } from '../../../server/tokens';
import { TEST_SECRET } from '../../../server/testing';
import { readToken } from './readToken';
import { lastSyncedText, statusText } from './SyncStatusBadge';
import type { SyncStatus } from '../../sync/session';

const base: SyncStatus = {
  state: 'connected',
  waiting: 0,
  lastSyncedAt: null,
  refusal: null,
  people: [],
  conflicts: 0,
};

describe('share: token and status text', () => {
  it('reads who a token is for, and explains bad or expired tokens', async () => {
    const token = await issueToken(
      { story: 'flood', editor: 'Ana', role: 'viewer' },
      TEST_SECRET,
      60,
    );
    expect(readToken(` ${token}\n`)).toEqual({ story: 'flood', editor: 'Ana', role: 'viewer' });
    expect(() => readToken('hello')).toThrow(/not a Corroborate access token/);
    const old = await issueToken(
      { story: 'flood', editor: 'Ana', role: 'editor' },
      TEST_SECRET,
      60,
      Date.now() - 3600_000,
    );
    expect(() => readToken(old)).toThrow(/expired/);
  });

  it('says connected, syncing, or offline with the number of changes waiting', () => {
    expect(statusText(base)).toBe('Connected');
    expect(statusText({ ...base, waiting: 2 })).toBe('Syncing…');
    expect(statusText({ ...base, state: 'offline', waiting: 3 })).toBe('Offline · 3 waiting');
    expect(statusText({ ...base, state: 'offline' })).toBe('Offline');
    expect(lastSyncedText(base)).toBe('Not synced yet');
    expect(lastSyncedText({ ...base, lastSyncedAt: Date.UTC(2026, 0, 1, 9, 30) })).toMatch(
      /^Last synced /,
    );
  });
});
