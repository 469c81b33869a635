/**
 * A one-line progress bar on stderr for long runs; silent when stderr is not a terminal (pipes, CI).
 */
import type { Progress } from '@segments/core';
import type { CliIo } from './io';

const WIDTH = 24;

/** An onProgress callback for core that draws on io.stderr, or undefined when there is no terminal. */
export function progressReporter(io: CliIo): ((progress: Progress) => void) | undefined {
  if (!io.isTTY) return undefined;
  return (progress) => {
    const filled = Math.round(progress.fraction * WIDTH);
    const bar = `${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}`;
    io.stderr(
      `\r[${bar}] ${String(Math.round(progress.fraction * 100)).padStart(3)}% ${progress.message.padEnd(40)}`,
    );
    if (progress.phase === 'done') io.stderr('\r\x1b[2K');
  };
}
