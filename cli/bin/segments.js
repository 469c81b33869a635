#!/usr/bin/env node
// Thin launcher for the compiled CLI (cli/dist/launch.js, built by `npm run build`, which `npm ci`
// runs through the root `prepare` script). Plain JavaScript: nothing is compiled at start-up.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/launch.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('segments is not built yet: run `npm run build` in the repository, then try again.\n');
  process.exit(1);
}
const { runProcess } = await import(compiled.href);
process.exitCode = await runProcess(process.argv.slice(2));
