import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy as policyFor } from './shared/ipc/csp.ts';

/**
 * The renderer build. Output is loaded by Electron (app:// protocol) and served as-is in browser
 * mode and end-to-end tests, so both run byte-identical code under the same CSP.
 */
function contentSecurityPolicy(): Plugin {
  let serving = false;
  return {
    name: 'corroborate-csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        // The dev server injects an inline React-refresh preamble, which a strict CSP blocks;
        // the policy is enforced on every build (what Electron, tests and `npm start` serve).
        return serving
          ? html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
          : html.replace(
              'content="__CSP__"',
              // A browser-mode build for a team may allow exactly one sync server origin.
              `content="${policyFor(process.env.CORROBORATE_SYNC_SERVER || null)}"`,
            );
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 5173 },
});
