// Bundles core/ into one dependency-free script (IIFE, global `SegmentsCore`) for browsers and any
// ECMAScript host without modules — the same shape Apps Script runs. `npm run build:core`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds dist/core/segments-core.js and returns its path and size.
 * @param {{ outfile?: string, minify?: boolean }} [options]
 */
export async function buildCore(options = {}) {
  const outfile = options.outfile ?? resolve(root, 'dist/core/segments-core.js');
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [resolve(root, 'core/src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'SegmentsCore',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: options.minify ?? true,
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = Object.values(result.metafile.outputs)[0].bytes;
  return { outfile, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, bytes } = await buildCore();
  console.log(`core bundle: ${outfile} (${(bytes / 1024).toFixed(1)} KB minified)`);
}
