/**
 * After the matrix stage: the semantic plan's roles and derivations onto the features, and its
 * findings (columns left out and why, what each column was read as, data checks, derivations) into
 * the Run's preprocessing record.
 */
import type { Feature, Preprocessing } from '../schema/run';
import type { ColumnProfile } from '../table/columns';
import type { ColumnPlan } from '../table/feature-plan';

/**
 * Column profiles with small integer codes (a region 1–3) read as categories, as the plan says.
 * @example codesAsCategories(inferColumns(table), ['Age']).find((c) => c.name === 'Age')?.kind // 'categorical'
 */
export function codesAsCategories(columns: ColumnProfile[], codes: readonly string[]): ColumnProfile[] {
  const set = new Set(codes);
  return columns.map((column) =>
    set.has(column.name) && column.kind === 'numeric' ? { ...column, kind: 'categorical' as const } : column,
  );
}

/**
 * Features with the plan's roles and derivations; preprocessing with its exclusions, roles and checks.
 * @example applyPlan(matrix.features, matrix.preprocessing, planFeatures(mall), true).features[1].role // 'spending'
 */
export function applyPlan(
  features: Feature[],
  preprocessing: Preprocessing,
  plan: ColumnPlan,
  chosenByUser: boolean,
): { features: Feature[]; preprocessing: Preprocessing } {
  const derived = new Map(plan.derived.map((feature) => [feature.name, feature]));
  const withRoles = features.map((feature) => {
    const role = plan.roles.get(feature.name) ?? feature.role;
    const source = derived.get(feature.name);
    return {
      ...feature,
      ...(role ? { role } : {}),
      ...(source ? { derivedFrom: source.derivedFrom, derivation: source.derivation } : {}),
    };
  });
  const used = new Set(features.map((feature) => feature.name));
  const planNotes = chosenByUser
    ? plan.derived
        .filter((feature) => used.has(feature.name) && feature.role !== 'mix')
        .map((feature) => `Derived ${feature.explanation}.`)
    : plan.notes;
  return {
    features: withRoles,
    preprocessing: {
      ...preprocessing,
      notes: [...planNotes, ...plan.checks, ...preprocessing.notes],
      ...(chosenByUser ? {} : { excludedColumns: plan.excluded }),
      columnRoles: plan.columns.map((column) => ({
        column: column.name,
        role: column.role,
        explanation: column.explanation,
      })),
      checks: plan.checks,
    },
  };
}
