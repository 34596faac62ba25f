import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, syncServerOrigin } from './csp';

describe('CSP for a team-sync server', () => {
  it('allows exactly the configured server origin and nothing else', () => {
    const csp = contentSecurityPolicy('ws://127.0.0.1:47100');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:47100;");
    expect(csp.match(/ws:\/\//g)).toHaveLength(1);
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('normalises the default port and refuses wildcards, paths and other schemes', () => {
    expect(syncServerOrigin('wss://Sync.Example.org')).toBe('wss://sync.example.org:443');
    for (const bad of [
      'ws://*.example.org',
      'http://example.org',
      'ws://a.org/x',
      'ws://a:99999',
    ]) {
      expect(() => syncServerOrigin(bad)).toThrow(/ws:\/\/host:port/);
    }
  });
});
