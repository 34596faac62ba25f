/**
 * The app's Content-Security-Policy, in one place: the Electron main process sends it as a header
 * on every response and the renderer build writes it into index.html's <meta> (so browser mode,
 * served by `vite preview`, runs under the same policy). 'unsafe-inline' for styles only because
 * React's `style` props and Lexical's inline styles need it; scripts stay strictly 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A team-sync server origin as the CSP and the request filter accept it: exactly one ws:/wss:
 * origin (scheme, host, port), nothing broader. Returns the normalised origin or throws a
 * message naming the problem and the fix.
 */
export function syncServerOrigin(address: string): string {
  const m = /^(wss?):\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?\/?$/i.exec(address.trim());
  if (!m || (m[3] !== undefined && Number(m[3]) > 65535)) {
    throw new Error(
      `"${address}" is not a sync server address: write ws://host:port (or wss:// for TLS).`,
    );
  }
  const scheme = m[1]!.toLowerCase();
  const port = m[3] ?? (scheme === 'wss' ? '443' : '80');
  return `${scheme}://${m[2]!.toLowerCase()}:${port}`;
}

/** The policy with `connect-src` widened to exactly one sync server origin (none: unchanged). */
export function contentSecurityPolicy(syncServer: string | null = null): string {
  if (!syncServer) return CONTENT_SECURITY_POLICY;
  const origin = syncServerOrigin(syncServer);
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${origin}`);
}
