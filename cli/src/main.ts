/**
 * `segments`: the newcomer's door. Dispatches to one module per command.
 */
import { type CliIo, type Command, EXIT_USAGE } from './io';
import { USAGE } from './usage';

export { USAGE };

const commands: Record<string, () => Promise<Command>> = {
  segment: async () => (await import('./commands/segment')).segmentCommand,
  assign: async () => (await import('./commands/assign')).assignCommand,
  runs: async () => (await import('./commands/runs')).runsCommand,
  ask: async () => (await import('./commands/ask')).askCommand,
  train: async () => (await import('./commands/train')).trainCommand,
};

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code.
 * @example await main(['runs', '--json'], io)
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`segments: unknown command "${name}"\n${USAGE}`);
    return EXIT_USAGE;
  }
  return (await load())(rest, io);
}
