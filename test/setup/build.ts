/**
 * Compiles the CLI and the Slack app once per test run (scripts/build-node.mjs, about a second), so
 * the tests that start `segments` or `npm start` as a user does run the JavaScript built from the
 * sources under test.
 */
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildNode } from '../../scripts/build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode({ quiet: true });
}
