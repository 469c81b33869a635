/**
 * A date column the user named segments as what it means, never as a day number averaged into
 * "17,673": a birth date as Age, a signup date as Tenure (months), a last purchase as Recency
 * (days), any other date as "Days since <column>" (table/derive-features derives them).
 */
import type { ColumnPlan } from '../table/feature-plan';

/**
 * The user's column names with each date column replaced by the feature derived from it (the Run's
 * notes say how it was derived: "Derived Tenure (months): months since Joined …").
 * @example namedDatesAsDerived(['Age', 'Joined'], planFeatures(tableFromCells([['Age', 'Joined'], [30, '2020-01-15'], [40, '2024-01-15']]), { chosenColumns: ['Age', 'Joined'] })) // ['Age', 'Tenure (months)']
 */
export function namedDatesAsDerived(
  names: readonly string[],
  plan: Pick<ColumnPlan, 'columns' | 'derived'>,
): string[] {
  const replaced = names.map((name) => {
    const lower = name.toLowerCase();
    const column = plan.columns.find((candidate) => candidate.name.toLowerCase() === lower);
    if (!column?.dates) return name;
    const feature = plan.derived.find(
      (candidate) => candidate.role !== 'mix' && candidate.derivedFrom.includes(column.name),
    );
    return feature?.name ?? name;
  });
  // Two named dates can derive one feature (a birth date and a birth year): use it once.
  return [...new Set(replaced)];
}
