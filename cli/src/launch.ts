/**
 * What the `segments` binary runs: one command line against the real process, then the stores it
 * opened are closed so Node can exit.
 */
import { closeAll } from './closers';
import type { CliIo } from './io';
import { main } from './main';

/**
 * Runs `argv` with the process's streams, environment and working directory; returns the exit code.
 * @example process.exitCode = await runProcess(process.argv.slice(2))
 */
export async function runProcess(argv: string[]): Promise<number> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
  try {
    return await main(argv, io);
  } finally {
    await closeAll();
  }
}
