/**
 * Vitest global setup, once per test run:
 * - compiles the CLI and the Slack app (scripts/build-node.mjs, about a second), so the tests that
 *   start `segments` or `npm start` as a user does run the JavaScript built from the sources under test;
 * - creates one empty, migrated PGlite store as a template: a new PGlite folder costs 3–5 s (initdb),
 *   a copy of this one a few hundred milliseconds (test/helpers/stores.ts `newPgliteFolder`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRunStore } from '@segments/store';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildNode } from '../../scripts/build-node.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An empty PGlite store folder (migrations applied) to copy; never opened by tests. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'segments-pglite-template-'));
  const template = join(folder, 'store');
  const [, store] = await Promise.all([buildNode({ quiet: true }), openRunStore({ dataDir: template })]);
  await store.close();
  project.provide('pgliteTemplate', template);
  return () => rmSync(folder, { recursive: true, force: true });
}
