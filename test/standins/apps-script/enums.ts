/**
 * Apps Script enums are objects, not strings: `SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT`
 * compares by identity and prints its name. The stand-in builds the same shape so add-on code that
 * compares, switches or logs enum values behaves as it does in Apps Script.
 */

/** One enum member: prints as its name. */
export interface EnumValue<Name extends string = string> {
  name(): Name;
  ordinal(): number;
  toString(): Name;
  toJSON(): Name;
}

/** An enum: member name → member. */
export type AppsScriptEnum<Name extends string> = Readonly<Record<Name, EnumValue<Name>>>;

/** Builds a frozen enum whose members print as their names. */
export function makeEnum<const Name extends string>(names: readonly Name[]): AppsScriptEnum<Name> {
  const members = {} as Record<Name, EnumValue<Name>>;
  names.forEach((name, index) => {
    members[name] = Object.freeze({
      name: () => name,
      ordinal: () => index,
      toString: () => name,
      toJSON: () => name,
    });
  });
  return Object.freeze(members);
}

/** The member called `name` (accepts the member itself or its name, as tests find convenient). */
export function enumMember<Name extends string>(
  values: AppsScriptEnum<Name>,
  value: unknown,
  what: string,
): EnumValue<Name> {
  const name = String(value) as Name;
  const member = values[name];
  if (member === undefined) throw new Error(`Unknown ${what}: ${name}`);
  return member;
}

export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
]);
export const ChartPosition = makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
export const ChartMergeStrategy = makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS']);
export const ChartHiddenDimensionStrategy = makeEnum([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);
export const UiButton = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const UiButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']);
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
