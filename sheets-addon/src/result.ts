/**
 * What every server function hands back to the sidebar: a plain JSON-safe object, `{ ok: true, … }`
 * or `{ ok: false, error }` with a message for a person. Only bugs throw (they reach the failure
 * handler and Stackdriver); user errors from core become `{ ok: false }`.
 */
import { isSegmentationError } from '@segments/core';

/** A failure a person can act on. */
export interface Failure {
  ok: false;
  error: string;
  /** The SegmentationError code when core raised it, or the add-on's own (STALE_SHEET, TOO_BIG). */
  code?: string;
  /** What the sidebar needs to offer a way out (e.g. the sample size and CLI command for TOO_BIG). */
  details?: Record<string, unknown>;
}

export type Result<T extends object> = ({ ok: true } & T) | Failure;

/** A user error raised inside the add-on (not by core): settings, missing run, busy lock. */
export class AddonUserError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AddonUserError';
  }
}

/**
 * Runs a server function body and maps user errors to `{ ok: false, error }`; anything else is a bug
 * and is rethrown.
 * @example return serve(() => ({ columns }))
 */
export function serve<T extends object>(body: () => T): Result<T> {
  try {
    return { ok: true, ...body() };
  } catch (error) {
    if (isSegmentationError(error)) return { ok: false, error: error.message, code: error.code };
    if (error instanceof AddonUserError) {
      return {
        ok: false,
        error: error.message,
        ...(error.code ? { code: error.code } : {}),
        ...(error.details ? { details: error.details } : {}),
      };
    }
    throw error;
  }
}
