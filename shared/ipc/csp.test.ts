import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('shuts off plugins, frames, forms and <base> hijacking', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('keeps network access to the app origin', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('is usable in a <meta http-equiv> (no directives that meta ignores, no quotes to escape)', () => {
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(policy.has('report-uri')).toBe(false);
    expect(CONTENT_SECURITY_POLICY).not.toContain('"');
  });
});
