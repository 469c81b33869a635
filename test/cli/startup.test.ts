/**
 * `segments --help` starts from compiled JavaScript and loads no command: no PGlite, no googleapis,
 * no zod schemas, no Slack. What a module loads at start is its static imports (lazy `import()`
 * runs only when a command is chosen), so the launcher's static import graph is what --help loads.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** Every file and bare package the file statically imports, transitively. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)";?|^import\s*"([^"]+)";?/gm)) {
    const specifier = match[1] ?? match[2];
    if (specifier.startsWith('.')) staticImports(resolve(dirname(file), specifier), seen);
    else seen.add(specifier);
  }
  return seen;
}

describe('segments --help', () => {
  it('prints the usage from the compiled launcher', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['cli/bin/segments.js', '--help'], {
      cwd: root,
    });
    expect(stdout).toMatch(/^Usage:\n {2}segments segment <file/);
  });

  it('loads only the launcher and usage at start: no store, Google, Slack or zod module', () => {
    const loaded = [...staticImports(join(root, 'cli/dist/launch.js'))];
    const packages = loaded.filter((entry) => !entry.startsWith('/'));
    expect(packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    // The commands are separate chunks, reached only through import().
    expect(loaded.some((entry) => /segment-|runs-|train-/.test(entry))).toBe(false);
  });

  it('the guard sees a command’s packages when it follows that command’s chunk', () => {
    const launcher = readFileSync(join(root, 'cli/dist/launch.js'), 'utf8');
    const runsChunk = /import\("(\.\/chunks\/runs-[^"]+)"\)/.exec(launcher)?.[1];
    expect(runsChunk).toBeDefined();
    const loaded = staticImports(join(root, 'cli/dist', runsChunk as string));
    expect(loaded.has('@electric-sql/pglite')).toBe(true);
  });
});
