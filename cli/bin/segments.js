#!/usr/bin/env node
// Thin launcher for the compiled CLI (cli/dist/main.js, built by `npm run build`, which `npm ci` runs
// through the root `prepare` script). Plain JavaScript: nothing is compiled at start-up.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('segments is not built yet: run `npm run build` in the repository, then try again.\n');
  process.exit(1);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
});
