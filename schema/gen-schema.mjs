// Regenerates schema/corroborate-bundle.schema.json from the zod schema in shared/bundle/schema.ts.
// Usage: node schema/gen-schema.mjs   (shared/bundle/schema.test.ts fails when the file is stale)
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corroborate-schema-'));
try {
  const out = join(dir, 'schema.mjs');
  await build({
    entryPoints: [join(root, 'shared/bundle/schema.ts')],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  const { bundleJsonSchema } = await import(pathToFileURL(out).href);
  const target = join(root, 'schema/corroborate-bundle.schema.json');
  writeFileSync(target, `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
