import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '@segments/cli';
import { main, openLocalStore } from '@segments/cli';
import type { RunStore } from '@segments/store';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh working folder with its own store folder, for running the CLI in-process. */
export function makeWorkspace(): {
  dir: string;
  storeDir: string;
  file: (name: string, text: string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'segments-cli-'));
  const storeDir = join(dir, '.store');
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
    env: { SEGMENTS_DATA_DIR: join(cwd, '.store'), ...env },
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
    env: { SEGMENTS_DATA_DIR: join(cwd, '.store') },
    cwd,
  });
}
