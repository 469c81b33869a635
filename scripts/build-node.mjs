// Compiles the Node programs — the `segments` CLI and the Slack app — to JavaScript with esbuild, so
// neither `npx segments` nor `npm start` compiles TypeScript at start-up. Workspace packages
// (@segments/*, TypeScript sources) are bundled in; npm dependencies stay external (node_modules).
// ESM with code splitting: the CLI's lazy `import()` of each command stays lazy, so `--help` loads
// no command, no PGlite, no googleapis. `npm run build:node`; part of `npm run build` and `prepare`.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** npm dependencies stay imports; our own workspace packages are compiled into the output. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@segments/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** The programs: entry points and where their JavaScript goes. */
export const NODE_PROGRAMS = [
  { name: 'cli', entryPoints: { launch: 'cli/src/launch.ts' }, outdir: 'cli/dist' },
  { name: 'slack-app', entryPoints: { app: 'slack-app/src/app.ts' }, outdir: 'slack-app/dist' },
];

/**
 * Builds every Node program.
 * @param {{ quiet?: boolean }} [options]
 */
export async function buildNode(options = {}) {
  for (const program of NODE_PROGRAMS) {
    const outdir = path.join(root, program.outdir);
    await rm(outdir, { recursive: true, force: true });
    const entryPoints = Object.fromEntries(
      Object.entries(program.entryPoints).map(([name, file]) => [name, path.join(root, file)]),
    );
    const result = await build({
      entryPoints,
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      chunkNames: 'chunks/[name]-[hash]',
      plugins: [externalDependencies],
      metafile: true,
      logLevel: 'warning',
    });
    if (!options.quiet) {
      const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
      const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
      console.log(`${program.outdir}: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KB`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildNode().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
