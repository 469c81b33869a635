import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '@segments/cli';
import { main, openLocalStore } from '@segments/cli';
import type { RunStore } from '@segments/store';
import { copyPgliteTemplate, newPgliteFolder } from '../helpers/stores';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One store folder for all workspaces of a test file (each file runs in its own process): creating
 * a PGlite folder costs 3–5 s, opening it again nothing (a process keeps its stores open).
 */
let fileStoreDir: string | undefined;
const storeDirs = new Map<string, string>();

/**
 * A fresh working folder for running the CLI in-process. Its commands use the test file's shared
 * store, or with `ownStore` a store of their own in `<dir>/.store` (for tests that need an empty
 * store, or check that nothing was saved; 'empty' creates that store up front, empty).
 */
export function makeWorkspace(options: { ownStore?: boolean | 'empty' } = {}): {
  dir: string;
  storeDir: string;
  file: (name: string, text: string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'segments-cli-'));
  fileStoreDir ??= newPgliteFolder();
  const storeDir = options.ownStore ? join(dir, '.store') : fileStoreDir;
  // 'empty': the store exists already, empty (a copy of the template, not a 3–5 s initdb).
  if (options.ownStore === 'empty') copyPgliteTemplate(storeDir);
  storeDirs.set(dir, storeDir);
  return {
    dir,
    storeDir,
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

function storeDirOf(cwd: string): string {
  return storeDirs.get(cwd) ?? join(cwd, '.store');
}

/** Runs `segments …` in-process in `cwd` and captures its output. */
export async function runCli(
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { SEGMENTS_DATA_DIR: storeDirOf(cwd), ...env },
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function makeDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * The store `segments` commands run in `cwd` use: the same open instance (a process opens each store
 * once), so a test reads what a command wrote without a second PGlite on the same folder. Never close it.
 */
export function localStore(cwd: string): Promise<RunStore> {
  return openLocalStore({
    stdout: () => undefined,
    stderr: () => undefined,
    env: { SEGMENTS_DATA_DIR: storeDirOf(cwd) },
    cwd,
  });
}
