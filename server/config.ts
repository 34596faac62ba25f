/**
 * Server configuration from command-line flags, falling back to environment variables.
 * Defaults are safe: loopback only, a file database next to the working directory.
 */
export interface ServerConfig {
  /** Interface to bind; nothing listens elsewhere. Default 127.0.0.1. */
  host: string;
  port: number;
  /** SQLite file holding documents, stories and members. */
  database: string;
  /** HS256 secret shared by the server and the token CLI (≥ 32 bytes). */
  secret: string;
  /** Optional Redis for several instances; absent = one instance. */
  redis: { host: string; port: number } | null;
  /** Instance name in logs and Redis (must differ between instances). */
  name: string;
  /** ms before a changed document is written to SQLite. */
  debounce: number;
}

export const DEFAULT_PORT = 1234;

type Env = Record<string, string | undefined>;

/** Reads `--flag value` / `--flag=value` pairs; positional words are returned separately. */
export function parseFlags(argv: string[]): { flags: Map<string, string>; words: string[] } {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new Error(`The flag ${arg} needs a value (e.g. ${arg}=…).`);
      }
      flags.set(arg.slice(2), next);
      i++;
    }
  }
  return { flags, words };
}

export function parseRedisUrl(text: string): { host: string; port: number } {
  const m = /^redis:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(text.trim());
  if (!m) throw new Error(`Cannot read the Redis address "${text}": write redis://host:port.`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 6379 };
}

function parsePort(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${what} "${text}" is not a port number (0–65535).`);
  }
  return n;
}

export function readConfig(flags: Map<string, string>, env: Env): ServerConfig {
  const get = (flag: string, variable: string) => flags.get(flag) ?? env[variable];
  const secret = env.CORROBORATE_SECRET ?? '';
  if (!secret) {
    throw new Error(
      'CORROBORATE_SECRET is not set: the server signs and checks tokens with it. ' +
        'Set it to a long random string (e.g. `export CORROBORATE_SECRET=$(openssl rand -hex 32)`).',
    );
  }
  const redisText = get('redis', 'CORROBORATE_REDIS');
  const port = get('port', 'CORROBORATE_PORT');
  return {
    host: get('host', 'CORROBORATE_HOST') ?? '127.0.0.1',
    port: port === undefined ? DEFAULT_PORT : parsePort(port, 'Port'),
    database: get('db', 'CORROBORATE_DB') ?? 'corroborate-server.sqlite',
    secret,
    redis: redisText ? parseRedisUrl(redisText) : null,
    name: get('name', 'CORROBORATE_INSTANCE') ?? `corroborate-${process.pid}`,
    debounce: Number(get('debounce', 'CORROBORATE_DEBOUNCE_MS') ?? 2000),
  };
}
