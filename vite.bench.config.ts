import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

/** Builds the browser benchmark page (renderer/bench.html) apart from the app. */
export default mergeConfig(
  app,
  defineConfig({
    build: {
      outDir: '../dist/bench',
      sourcemap: false,
      rollupOptions: { input: { bench: 'renderer/bench.html' } },
    },
    preview: { port: 4174 },
  }),
);
