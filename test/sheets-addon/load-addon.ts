/**
 * Loads the built add-on (dist/addon/Code.js) into a `node:vm` context that has the ECMAScript
 * built-ins and the Apps Script services (the stand-in in ./standin) but none of Node's globals:
 * no require, process, Buffer, setTimeout — as in Apps Script's V8 runtime.
 *
 * Each call through `globals` is one Apps Script execution: arguments are copied into the script's
 * realm, and the locks the execution took are released when it returns or throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { CallCounter, type CallCounts } from '../standins/apps-script/calls';
import type { LockRegistry } from '../standins/apps-script/lock';
import type { PropertyStores } from '../standins/apps-script/properties';
import { isDate, type Realm, vmRealm } from '../standins/apps-script/realm';
import { createServices, type StandinServices } from '../standins/apps-script/services';
import { type Cell, createSpreadsheet, type StandinSpreadsheet } from '../standins/apps-script/spreadsheet';
import type { FetchHandler } from '../standins/apps-script/url-fetch';

export { readValues, snapshot, snapshotSpreadsheet } from '../standins/apps-script/snapshot';
export { createSpreadsheet };

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `npm run build:addon` writes the bundle. */
export const DEFAULT_CODE_PATH = path.join(REPO_ROOT, 'dist', 'addon', 'Code.js');

/** Options of {@link loadAddon}. */
export interface LoadAddonOptions {
  /** The bundle to run (default dist/addon/Code.js). Ignored when `code` is given. */
  codePath?: string;
  /** Script source to run instead of a file (for tests of the loader itself). */
  code?: string;
  /** Directory HtmlService reads files from (default: the directory of codePath). */
  htmlDir?: string;
  /** The spreadsheet the add-on is bound to; it becomes the active spreadsheet. */
  spreadsheet: StandinSpreadsheet;
  /** Active user's email (default 'marketer@example.com'). */
  user?: string;
  /** In-process responder for UrlFetchApp instead of a real socket. Prefer a real server (startStubServer). */
  fetchHandler?: FetchHandler;
  /** UrlFetchApp timeout in ms (default Google's 60 s). */
  fetchTimeoutMs?: number;
  /** Fixes the script's clock: `new Date()` and `Date.now()` inside the script return this instant. */
  now?: Date | number;
  /** Script time zone (default the spreadsheet's, 'Etc/UTC'). */
  timeZone?: string;
  /** Script and user properties to share with other loads (default fresh). */
  properties?: PropertyStores;
  /** Lock state to share with other loads (default fresh). */
  locks?: LockRegistry;
  /** Caption of the add-on menu (default 'Customer Segments'). */
  addonName?: string;
}

/** A function the script defines at top level, called as one execution. */
export type EntryPoint = (...args: unknown[]) => unknown;

/** The loaded add-on. */
export interface LoadedAddon {
  /** Every top-level function of the script (onOpen, runSegmentation, …), wrapped as one execution each. */
  globals: Record<string, EntryPoint>;
  /** Names of the script's top-level functions. */
  entryPoints: string[];
  /** What the script did: menus, sidebars, fetches, toasts, locks, properties, logs. */
  services: StandinServices;
  /** Calls by method name and by Class.method (missing keys read 0). */
  calls: CallCounts;
  /** The vm context (the script's global object). */
  context: vm.Context;
  /**
   * Calls a server function the way the sidebar's google.script.run does: arguments must be
   * primitives, plain objects and arrays (a Date or function fails the call), and a return value
   * that contains a Date or function arrives as null.
   */
  runFromSidebar(name: string, ...args: unknown[]): unknown;
}

const INSTALLED = [
  'SpreadsheetApp',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'CacheService',
  'UrlFetchApp',
  'Utilities',
  'Session',
  'Logger',
  'console',
  'ScriptApp',
  'Charts',
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Deep-copies arrays, plain objects and Dates into the script's realm; other objects pass by reference. */
function toRealm(value: unknown, realm: Realm): unknown {
  if (isDate(value)) return realm.date(value.getTime());
  if (Array.isArray(value)) return realm.array(value.map((item) => toRealm(item, realm)));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = toRealm(item, realm);
    return realm.object(copy);
  }
  return value;
}

/** Checks a value against google.script.run's rules; returns a JSON-safe host copy or a reason. */
function sidebarSafe(
  value: unknown,
  where: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'function') return { ok: false, reason: `${where} is a function` };
  if (isDate(value)) return { ok: false, reason: `${where} is a Date` };
  if (typeof value !== 'object') return { ok: true, value };
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const safe = sidebarSafe(item, `${where}[${index}]`);
      if (!safe.ok) return safe;
      items.push(safe.value);
    }
    return { ok: true, value: items };
  }
  if (!isPlainObject(value)) return { ok: false, reason: `${where} is not a plain object` };
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const safe = sidebarSafe(item, `${where}.${key}`);
    if (!safe.ok) return safe;
    copy[key] = safe.value;
  }
  return { ok: true, value: copy };
}

function hostError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'object' && thrown !== null && 'message' in thrown) {
    const error = new Error(String((thrown as { message: unknown }).message), { cause: thrown });
    error.name = String((thrown as { name?: unknown }).name ?? 'Error');
    return error;
  }
  return new Error(String(thrown), { cause: thrown });
}

/** Replaces the context's Date so the script sees a fixed clock; Date objects keep the same prototype. */
function fixClock(context: vm.Context, epochMs: number): void {
  vm.runInContext(
    `(function (RealDate, now) {
      function FixedDate() {
        if (!new.target) return new RealDate(now).toString();
        var args = Array.prototype.slice.call(arguments);
        return args.length === 0 ? new RealDate(now) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
      }
      FixedDate.prototype = RealDate.prototype;
      Object.defineProperty(RealDate.prototype, 'constructor', { value: FixedDate, writable: true, configurable: true });
      FixedDate.now = function () { return now; };
      FixedDate.UTC = RealDate.UTC;
      FixedDate.parse = RealDate.parse;
      globalThis.Date = FixedDate;
    })(Date, ${epochMs});`,
    context,
  );
}

/**
 * Builtins the script reads as parameters of a wrapper instead of as globals. In a node:vm context
 * every global lookup goes through the context's interceptors: k-means, which reads `Math` and the
 * typed-array constructors in its loops, ran about 10× slower than the same bundle in plain V8 (and
 * than Apps Script's V8, which has no such interceptors). Same objects, the context's own.
 */
const LOCAL_BUILTINS = [
  'Math',
  'Number',
  'Float64Array',
  'Float32Array',
  'Int32Array',
  'Uint32Array',
  'Uint8Array',
  'Uint16Array',
  'Array',
  'Object',
  'Map',
  'Set',
  'String',
  'JSON',
  'Infinity',
  'NaN',
  'isNaN',
  'isFinite',
] as const;

const topLevelCache = new Map<string, string[]>();

/** The names a script declares at top level (functions and vars): Apps Script makes them globals. */
function topLevelNames(source: string): string[] {
  const cached = topLevelCache.get(source);
  if (cached) return cached;
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && !(statement.declarationList.flags & ts.NodeFlags.BlockScoped))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
  }
  topLevelCache.set(source, names);
  return names;
}

/**
 * Runs a script as Apps Script does, its top-level functions and vars becoming globals of the
 * context, with {@link LOCAL_BUILTINS} bound as locals (see there why).
 */
function runScript(source: string, filename: string, context: vm.Context): void {
  const names = topLevelNames(source);
  const builtins = LOCAL_BUILTINS.join(', ');
  const exported = names.map((name) => `${JSON.stringify(name)}: ${name}`).join(', ');
  const wrapped = `(function (${builtins}) {\n${source}\n;return { ${exported} };\n})(${builtins})`;
  const declared = new vm.Script(wrapped, { filename, lineOffset: -1 }).runInContext(context) as Record<
    string,
    unknown
  >;
  for (const name of names) context[name] = declared[name];
}

/**
 * Runs the add-on bundle in a fresh vm context bound to `options.spreadsheet`.
 * @throws when the bundle cannot be read or throws while loading
 * @example const addon = loadAddon({ spreadsheet: createSpreadsheet({ sheets: { Mall: rows } }) }); addon.globals.onOpen({})
 */
export function loadAddon(options: LoadAddonOptions): LoadedAddon {
  const codePath = options.codePath ?? DEFAULT_CODE_PATH;
  const source = options.code ?? readFileSync(codePath, 'utf8');
  const context = vm.createContext({});
  const realm = vmRealm(context);
  if (options.now !== undefined) fixClock(context, Number(options.now));
  const calls = new CallCounter();
  // The built manifest beside Code.js: its urlFetchWhitelist binds UrlFetchApp, as Google does.
  const manifestPath = path.join(options.htmlDir ?? path.dirname(codePath), 'appsscript.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { urlFetchWhitelist?: string[] })
    : {};
  const { globals: installed, services } = createServices({
    spreadsheet: options.spreadsheet,
    realm,
    calls,
    user: options.user,
    htmlDir: options.htmlDir ?? path.dirname(codePath),
    fetchHandler: options.fetchHandler,
    fetchTimeoutMs: options.fetchTimeoutMs,
    urlFetchWhitelist: manifest.urlFetchWhitelist,
    now: options.now === undefined ? undefined : () => Number(options.now),
    timeZone: options.timeZone,
    properties: options.properties,
    locks: options.locks,
    addonName: options.addonName,
  });
  for (const name of INSTALLED) context[name] = installed[name];
  const preexisting = new Set(Object.keys(context));
  runScript(source, options.code === undefined ? codePath : 'Code.js', context);

  const entryPoints = Object.keys(context).filter(
    (name) => !preexisting.has(name) && typeof context[name] === 'function',
  );
  const execute = (name: string, args: unknown[]): unknown => {
    const target = context[name];
    if (typeof target !== 'function') throw new Error(`Script function not found: ${name}`);
    try {
      return target(...args);
    } catch (thrown) {
      throw hostError(thrown);
    } finally {
      services.locks.endExecution();
    }
  };
  const globals: Record<string, EntryPoint> = {};
  for (const name of entryPoints) {
    globals[name] = (...args: unknown[]) =>
      execute(
        name,
        args.map((arg) => toRealm(arg, realm)),
      );
  }
  return {
    globals,
    entryPoints,
    services,
    calls: services.calls,
    context,
    runFromSidebar(name: string, ...args: unknown[]): unknown {
      const safeArgs = args.map((arg, index) => {
        const safe = sidebarSafe(arg, `argument ${index}`);
        if (!safe.ok) throw new Error(`google.script.run cannot pass ${safe.reason}`);
        return toRealm(safe.value, realm);
      });
      const result = execute(name, safeArgs);
      const safe = sidebarSafe(result, 'return value');
      return safe.ok ? safe.value : null;
    },
  };
}

/**
 * 150,000 customers × 5 numeric columns and an id (CustomerID, Age, Annual Income, Spending Score,
 * Visits, Tenure): over the add-on's 6-minute estimate, so Run offers a sample or the CLI.
 */
export function tooBigForAppsScript(): Cell[][] {
  const cells: Cell[][] = [['CustomerID', 'Age', 'Annual Income', 'Spending Score', 'Visits', 'Tenure']];
  for (let i = 0; i < 150_000; i++)
    cells.push([
      i + 1,
      18 + (i % 60),
      15 + ((i * 37) % 120),
      1 + ((i * 53) % 99),
      (i * 7) % 30,
      (i * 11) % 20,
    ]);
  return cells;
}
