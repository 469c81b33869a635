/**
 * What a CLI command may touch: its arguments, two output streams, the environment and the working
 * directory. Commands return an exit code (0 ok, 1 user error, 2 usage error) instead of exiting, so
 * tests run them in-process and the binary stays a thin shell.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY?: boolean;
}

/** Exit codes of the `segments` command. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;

/** A usage mistake (unknown flag, missing argument): exit code 2 with the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A CLI command: parses its own argv (after the command name) and returns an exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
