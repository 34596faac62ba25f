import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli.ts';
import { parseFlags, readConfig } from './config.ts';
import { parseTtl, verifyToken } from './tokens.ts';
import { TEST_SECRET, tempDatabase } from './testing.ts';

afterEach(() => vi.restoreAllMocks());

async function cli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  await runCli(args, { CORROBORATE_SECRET: TEST_SECRET, ...env });
  vi.restoreAllMocks();
  return lines.join('\n');
}

describe('story admin CLI', () => {
  it('creates a story, adds members and issues a token the server accepts', async () => {
    const db = tempDatabase();
    await cli(['create-story', 'flood-2026', '--title', 'Flood coverage', '--db', db]);
    await cli(['add-member', 'flood-2026', 'Ana Díaz', '--role', 'viewer', '--db', db]);
    expect(await cli(['members', 'flood-2026', '--db', db])).toBe('viewer\tAna Díaz');
    const token = await cli(['token', 'flood-2026', 'Ana Díaz', '--ttl', '2h', '--db', db]);
    const claims = await verifyToken(token, TEST_SECRET);
    expect(claims).toEqual({ story: 'flood-2026', editor: 'Ana Díaz', role: 'viewer' });
  });

  it('refuses a token for a non-member and names the fix', async () => {
    const db = tempDatabase();
    await cli(['create-story', 'flood-2026', '--db', db]);
    await expect(cli(['token', 'flood-2026', 'Eve', '--db', db])).rejects.toThrow(
      /not a member.*add-member flood-2026 "Eve"/,
    );
  });

  it('refuses bad story ids, unknown commands and short secrets with a clear message', async () => {
    const db = tempDatabase();
    await expect(cli(['create-story', 'Flood 2026', '--db', db])).rejects.toThrow(
      /lower-case letters, digits and dashes/,
    );
    await expect(cli(['launch'])).rejects.toThrow(/Unknown command "launch"/);
    await cli(['create-story', 's', '--db', db]);
    await cli(['add-member', 's', 'Ana', '--db', db]);
    await expect(
      cli(['token', 's', 'Ana', '--db', db], { CORROBORATE_SECRET: 'short' }),
    ).rejects.toThrow(/at least 32/);
  });
});

describe('server configuration', () => {
  it('defaults to loopback and reads flags before the environment', () => {
    const env = { CORROBORATE_SECRET: TEST_SECRET, CORROBORATE_PORT: '9000' };
    const c = readConfig(
      parseFlags(['--port=47105', '--redis', 'redis://10.0.0.5:6380']).flags,
      env,
    );
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 47105,
      redis: { host: '10.0.0.5', port: 6380 },
    });
    expect(readConfig(new Map(), env).port).toBe(9000);
  });

  it('explains a missing secret, a bad port and a bad Redis address', () => {
    expect(() => readConfig(new Map(), {})).toThrow(/CORROBORATE_SECRET is not set/);
    const env = { CORROBORATE_SECRET: TEST_SECRET };
    expect(() => readConfig(parseFlags(['--port', 'http']).flags, env)).toThrow(/not a port/);
    expect(() => readConfig(parseFlags(['--redis', 'localhost']).flags, env)).toThrow(
      /redis:\/\/host:port/,
    );
  });

  it('reads token lifetimes', () => {
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('7d')).toBe(604800);
    expect(() => parseTtl('forever')).toThrow(/30m, 12h or 7d/);
  });
});
