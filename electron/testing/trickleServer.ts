import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A slow site for the fetch tests: sends `chunks` chunks of `size` bytes, `everyMs` apart, with
 * or without Content-Length, and calls `onAbandoned` if the client goes away before the end.
 */
export function trickle(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { chunks: number; size: number; everyMs: number; declare: boolean },
  onAbandoned: () => void,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/html',
    ...(opts.declare ? { 'Content-Length': String(opts.chunks * opts.size) } : {}),
  });
  let sent = 0;
  const timer = setInterval(() => {
    if (sent === opts.chunks) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(Buffer.alloc(opts.size, 0x61));
    sent++;
  }, opts.everyMs);
  req.socket.on('close', () => {
    clearInterval(timer);
    if (sent < opts.chunks) onAbandoned();
  });
}
