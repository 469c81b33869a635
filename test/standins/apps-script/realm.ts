/**
 * Values the stand-in hands to script code must come from the script's own realm: inside `node:vm`,
 * `value instanceof Date` or `instanceof Array` is false for a Node-side Date or array. Everything the
 * services return to scripts (value grids, Dates, plain objects, errors) is therefore built through a
 * Realm: the host realm for direct tests of the stand-in, the vm context's realm for add-on tests.
 */
import vm from 'node:vm';

/** A spreadsheet cell value as Apps Script returns it: '' for empty, number, boolean, Date or string. */
export type Cell = string | number | boolean | Date;

/** Builds values in the realm script code runs in. */
export interface Realm {
  /** A 2-D array of cells owned by the realm; Dates are copied as the realm's Dates. */
  grid(rows: readonly (readonly Cell[])[]): Cell[][];
  /** One cell value owned by the realm. */
  value(cell: Cell): Cell;
  /** A shallow array copy owned by the realm. */
  array<T>(items: readonly T[]): T[];
  /** A shallow plain-object copy owned by the realm. */
  object<T>(entries: Readonly<Record<string, T>>): Record<string, T>;
  /** An Apps Script style exception: name `Exception`, so String(error) is `Exception: <message>`. */
  error(message: string): Error;
  /** A Date owned by the realm. */
  date(epochMs: number): Date;
  /** Compiles sloppy-mode source in the realm's global scope (HTML templates see the script's globals). */
  compile(source: string): unknown;
}

/** True for Dates from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function copyGrid(rows: readonly (readonly Cell[])[], copyValue: (cell: Cell) => Cell): Cell[][] {
  return rows.map((row) => row.map(copyValue));
}

/** The Node realm itself; used when tests drive the stand-in without a vm context. */
export function hostRealm(): Realm {
  const value = (cell: Cell): Cell => (isDate(cell) ? new Date(cell.getTime()) : cell);
  return {
    grid: (rows) => copyGrid(rows, value),
    value,
    array: (items) => [...items],
    object: (entries) => ({ ...entries }),
    error: (message) => {
      const error = new Error(message);
      error.name = 'Exception';
      return error;
    },
    date: (epochMs) => new Date(epochMs),
    // Templates need sloppy mode for `with`; the Function constructor gives exactly that.
    compile: (source) => new Function(`return (${source});`)(),
  };
}

// Runs inside the context, before any clock patch, so `RealmDate` is the context's own Date.
const REALM_HELPERS = `(function () {
  var RealmDate = Date;
  function isDate(v) { return Object.prototype.toString.call(v) === '[object Date]'; }
  function value(v) { return isDate(v) ? new RealmDate(v.getTime()) : v; }
  return {
    grid: function (rows) {
      var out = new Array(rows.length);
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var copy = new Array(row.length);
        for (var j = 0; j < row.length; j++) copy[j] = value(row[j]);
        out[i] = copy;
      }
      return out;
    },
    value: value,
    array: function (items) {
      var out = new Array(items.length);
      for (var i = 0; i < items.length; i++) out[i] = items[i];
      return out;
    },
    object: function (entries) {
      var out = {};
      var keys = Object.keys(entries);
      for (var i = 0; i < keys.length; i++) out[keys[i]] = entries[keys[i]];
      return out;
    },
    error: function (message) { var e = new Error(message); e.name = 'Exception'; return e; },
    date: function (ms) { return new RealmDate(ms); }
  };
})()`;

type RealmHelpers = Omit<Realm, 'compile'>;

/** The realm of a vm context: every value the services return is created inside it. */
export function vmRealm(context: vm.Context): Realm {
  const helpers = vm.runInContext(REALM_HELPERS, context, {
    filename: 'apps-script-standin-realm.js',
  }) as RealmHelpers;
  return {
    ...helpers,
    compile: (source) => vm.runInContext(`(${source})`, context, { filename: 'html-template.js' }),
  };
}
