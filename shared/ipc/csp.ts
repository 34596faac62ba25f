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
