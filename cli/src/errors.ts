/**
 * Turning failures into what a terminal user should see: one line naming the file, row, column or
 * option, and an exit code (1 user error, 2 usage error). Anything else is a bug and keeps its stack.
 */
import { isSegmentationError } from '@segments/core';
import { CliError } from './files';
import { type CliIo, EXIT_USAGE, EXIT_USER_ERROR, UsageError } from './io';
import { USAGE } from './usage';

/**
 * Reports an error thrown by a command and returns its exit code.
 * @example catch (error) { return reportError(error, io) }
 */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`segments: ${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (isSegmentationError(error) || error instanceof CliError) {
    io.stderr(`segments: ${error.message}\n`);
    return EXIT_USER_ERROR;
  }
  throw error;
}

/** parseArgs' own errors (unknown flag, missing value) are usage errors. */
export function asUsageError(error: unknown): never {
  if (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
  ) {
    throw new UsageError(error.message);
  }
  throw error;
}
