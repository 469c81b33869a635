/**
 * Plain-text rendering for the terminal: aligned tables and the readable run summary.
 */
import {
  type ConversationTranslator,
  createConversationTranslator,
  featureLabel,
  type Lang,
  maxOf,
  type ProfileEntry,
  type Run,
  segmentRfmView,
} from '@segments/core';

/** Left-aligned text columns, right-aligned numbers; two spaces between columns. */
export function formatTable(
  headers: string[],
  rows: (string | number)[][],
  rightAligned: number[] = [],
): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) =>
    maxOf(
      cells.map((row) => [...(row[c] ?? '')].length),
      0,
    ),
  );
  return cells
    .map((row) =>
      row
        .map((cell, c) =>
          rightAligned.includes(c)
            ? cell.padStart(widths[c])
            : c === row.length - 1
              ? cell
              : cell.padEnd(widths[c]),
        )
        .join('  '),
    )
    .join('\n');
}

/** Share 0..1 as "40.5%" (or "40,5%" in Indonesian). */
export function percent(share: number, lang: Lang = 'en'): string {
  return createConversationTranslator(lang).percent(share);
}

/** The traits that set a segment apart: non-average numbers and dominant categories. */
export function keyTraits(profile: ProfileEntry[], lang: Lang = 'en'): string {
  const t = createConversationTranslator(lang);
  const traits = profile.flatMap((entry) => {
    if (entry.kind === 'numeric') {
      return entry.level === 'average'
        ? []
        : [numericTrait(t, entry.level, featureLabel(entry.feature), t.number(entry.mean))];
    }
    return entry.topShare >= 0.6
      ? [`${featureLabel(entry.feature)}: ${entry.top} (${t.percent(entry.topShare, 0)})`]
      : [];
  });
  return traits.length > 0 ? traits.join(', ') : t.m.cliNoTraits();
}

/**
 * An RFM segment's traits: its score view and what an average customer of it did ("R5 F5 M5: last
 * order 4 days ago, 5.5 orders, 3,317 spent"); undefined for a segment of another kind of run.
 */
export function rfmTraits(segment: object, lang: Lang = 'en'): string | undefined {
  const rfm = segmentRfmView(segment);
  if (!rfm) return undefined;
  const t = createConversationTranslator(lang);
  return t.m.cliRfmTraits(rfm.score, t.number(rfm.recencyDays), t.number(rfm.orders), t.number(rfm.monetary));
}

/** "high Income (86.5)" / "Income tinggi (86,5)": the adjective goes where the language puts it. */
function numericTrait(
  t: ConversationTranslator,
  level: 'high' | 'low',
  label: string,
  value: string,
): string {
  return t.lang === 'id' ? `${label} ${t.m.level(level)} (${value})` : `${level} ${label} (${value})`;
}

/**
 * "Total spending (MntWines + MntFruits + …)": a feature with where it came from when derived; an
 * RFM run's Monetary read from a quantity and a unit price is their product ("Quantity × UnitPrice").
 */
function featureWithSource(feature: Run['features'][number], run: Run): string {
  const from = feature.derivedFrom;
  if (!from || from.length === 0) return feature.name;
  const columns = (run.source as { columns?: { quantity?: string; price?: string } }).columns;
  const product =
    run.source.kind === 'transactions' &&
    from.length === 2 &&
    from[0] === columns?.quantity &&
    from[1] === columns?.price;
  if (product) return `${feature.name} (from ${from[0]} × ${from[1]})`;
  const sources =
    from.length > 3 ? `${from.slice(0, 2).join(' + ')} + ${from.length - 2} more` : from.join(' + ');
  return `${feature.name} (from ${sources})`;
}

/** Outcome rates (response, churn…) and descriptive categories per segment, when the run has them. */
function outcomeTable(run: Run, lang: Lang): string | undefined {
  const columns = run.segments[0]?.outcomes?.map((outcome) => outcome.column) ?? [];
  const descriptors = run.segments[0]?.descriptors?.map((descriptor) => descriptor.column) ?? [];
  if (columns.length === 0 && descriptors.length === 0) return undefined;
  const rows: (string | number)[][] = run.segments.map((segment) => [
    segment.index + 1,
    segment.persona.name,
    ...columns.map((column) => {
      const outcome = segment.outcomes?.find((entry) => entry.column === column);
      return outcome ? percent(outcome.rate, lang) : '';
    }),
    ...descriptors.map((column) => {
      const descriptor = segment.descriptors?.find((entry) => entry.column === column);
      return descriptor ? `${descriptor.top} (${Math.round(descriptor.topShare * 100)}%)` : '';
    }),
  ]);
  if (columns.length > 0)
    rows.push([
      '',
      createConversationTranslator(lang).m.cliAllCustomers(),
      ...columns.map((column) => {
        const outcome = run.segments[0]?.outcomes?.find((entry) => entry.column === column);
        return outcome ? percent(outcome.overall, lang) : '';
      }),
      ...descriptors.map(() => ''),
    ]);
  const headers = ['#', 'Persona', ...columns, ...descriptors];
  const rightAligned = [0, ...columns.map((_, i) => i + 2)];
  return formatTable(headers, rows, rightAligned);
}

/** Excluded columns grouped by reason: "an outcome, not a trait: shown per segment as a rate: Response, Complain". */
function excludedLines(run: Run): string[] {
  const excluded = run.preprocessing.excludedColumns ?? [];
  const byReason = new Map<string, string[]>();
  for (const entry of excluded)
    byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry.column]);
  return [...byReason].map(([reason, columns]) => `  ${columns.join(', ')} — ${reason}`);
}

/** The readable summary `segments segment` prints without --json. */
export function formatRunSummary(run: Run, lang: Lang = run.lang ?? 'en'): string {
  const t = createConversationTranslator(lang);
  const features = `${run.features
    .filter((feature) => !feature.derivedFrom || feature.role !== 'mix')
    .map((feature) => featureWithSource(feature, run))
    .join(', ')}${run.features.some((feature) => feature.role === 'mix') ? t.m.cliCategoryShares() : ''}`;
  const lines = [
    `${run.name}`,
    t.m.cliSegmentsFrom(run.k, t.count(run.preprocessing.rowsUsed), run.algorithm, features),
    '',
  ];
  lines.push(
    formatTable(
      t.m.cliHeaders(),
      run.segments.map((segment) => [
        segment.index + 1,
        segment.persona.name,
        segment.size,
        percent(segment.share, lang),
        rfmTraits(segment, lang) ?? keyTraits(segment.profile, lang),
      ]),
      [0, 2, 3],
    ),
  );
  const outcomes = outcomeTable(run, lang);
  if (outcomes) {
    lines.push('', t.m.cliPerSegment(), outcomes);
  }
  lines.push('');
  if (run.chooseK) lines.push(t.m.cliRecommended(run.chooseK.reason));
  const target = run.segments.find((segment) => segment.persona.priority === 1);
  if (target) {
    const reason = typeof target.persona.reason === 'string' ? target.persona.reason : undefined;
    lines.push(t.m.cliTargetFirst(target.persona.name, reason ?? ''));
    lines.push(t.m.cliStrategy(target.persona.strategy));
  }
  const excluded = excludedLines(run);
  if (excluded.length > 0) {
    lines.push(t.m.cliLeftOut());
    for (const line of excluded) lines.push(line);
  }
  const structured = run.preprocessing.excludedColumns !== undefined;
  for (const note of run.preprocessing.notes) {
    if (structured && note.startsWith('Not used:')) continue;
    lines.push(t.m.cliNote(note));
  }
  return `${lines.join('\n')}\n`;
}
