/**
 * Structured logs: one JSON object per line on stdout (stderr for errors), so a log shipper or
 * `jq` can filter by event, story or editor. Tokens and secrets are never logged.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void;

export function jsonLogger(
  write: (line: string, level: LogLevel) => void = (line, level) =>
    (level === 'error' ? process.stderr : process.stdout).write(line + '\n'),
): Logger {
  return (level, event, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }), level);
  };
}

/** Collects log records in memory: tests assert on what the server said and why. */
export function memoryLogger(): Logger & {
  records: ({ level: LogLevel; event: string } & LogFields)[];
} {
  const records: ({ level: LogLevel; event: string } & LogFields)[] = [];
  const log = ((level: LogLevel, event: string, fields: LogFields = {}) => {
    records.push({ level, event, ...fields });
  }) as Logger & { records: typeof records };
  log.records = records;
  return log;
}
