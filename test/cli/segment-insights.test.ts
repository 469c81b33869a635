import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli } from './cli-harness';

const root = new URL('../..', import.meta.url).pathname;
const storePath = join(root, 'test/fixtures/store_customers.csv');

describe('segments segment on a customer export with dates, a money family and outcomes', () => {
  it('prints derived features, outcome rates per segment, left-out columns and why the first target ranks first', async () => {
    const workspace = makeWorkspace();
    const result = await runCli(['segment', storePath, '--k', '2', '--no-save'], workspace.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Age \(from BirthYear\)/);
    expect(result.stdout).toMatch(/Total spending \(from Spend_Shoes \+ Spend_Bags \+ Spend_Hats\)/);
    expect(result.stdout).toMatch(
      /Per segment \(columns left out of the clustering\):\n#\s+Persona\s+Churned\s+Newsletter\s+Store Region/,
    );
    expect(result.stdout).toMatch(/All customers\s+30\.0%/);
    expect(result.stdout).toMatch(/Target first: .+ — \d+\.\d% of customers, \d+\.\d% of total spending/);
    expect(result.stdout).toMatch(/ {2}Churned — an outcome, not a trait: shown per segment as a rate/);
    expect(result.stdout).toMatch(/ {2}Currency — the same value in every row/);
  });

  it('puts excluded columns, column roles and outcome rates in the JSON run', async () => {
    const workspace = makeWorkspace();
    const result = await runCli(['segment', storePath, '--k', '2', '--json', '--no-save'], workspace.dir);
    const run = JSON.parse(result.stdout);
    expect(run.preprocessing.excludedColumns).toContainEqual({
      column: 'customer_no',
      reason: expect.stringMatching(/id/),
    });
    expect(run.preprocessing.columnRoles).toHaveLength(17);
    expect(run.segments[0].outcomes.map((outcome: { column: string }) => outcome.column)).toEqual([
      'Churned',
      'Newsletter',
    ]);
  });
});
