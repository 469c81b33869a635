/**
 * Assembles the Apps Script globals (SpreadsheetApp, HtmlService, PropertiesService, LockService,
 * UrlFetchApp, CacheService, Utilities, Session, Logger, console, Charts, ScriptApp) over one
 * spreadsheet, plus the handles tests use to inspect what the script did.
 */
import { Cache, CacheStore } from './cache';
import type { CallCounter, CallCounts } from './calls';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartPosition,
  ChartType,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
} from './enums';
import { HtmlService } from './html';
import { Lock, type LockKind, LockRegistry } from './lock';
import { createPropertyStores, Properties, PropertyStore, type PropertyStores } from './properties';
import { ProtectionType } from './protection';
import type { Realm } from './realm';
import type { Selection, StandinRange, StandinSheet, StandinSpreadsheet, Toast } from './spreadsheet';
import { Ui, UiRecorder } from './ui';
import { type FetchHandler, type RecordedFetch, UrlFetchApp } from './url-fetch';
import { createConsole, Logger, type LogLine, ScriptApp, Session, Utilities } from './utilities';

/** Options of {@link createServices}. */
export interface ServiceOptions {
  spreadsheet: StandinSpreadsheet;
  /** Realm of the script (default: whatever the spreadsheet's environment has). */
  realm?: Realm;
  /** Call counter (default: the spreadsheet's). */
  calls?: CallCounter;
  /** Active user's email (default 'marketer@example.com'). */
  user?: string;
  /** Directory of the HTML files (default: the current directory). */
  htmlDir?: string;
  /** In-process responder instead of the network. */
  fetchHandler?: FetchHandler;
  /** UrlFetchApp timeout in ms (default Google's 60 s). */
  fetchTimeoutMs?: number;
  /** The manifest's urlFetchWhitelist (default none: every https URL may be fetched). */
  urlFetchWhitelist?: readonly string[];
  /** Fixed clock for caches (default Date.now). */
  now?: () => number;
  /** Script time zone (default the spreadsheet's). */
  timeZone?: string;
  /** Script and user properties shared across loads (default fresh). */
  properties?: PropertyStores;
  /** Lock state shared across loads (default fresh). */
  locks?: LockRegistry;
  /** Caption of createAddonMenu() (default 'Customer Segments'). */
  addonName?: string;
  /** Utilities.getUuid source (default crypto.randomUUID). */
  uuid?: () => string;
}

/** What tests inspect after a script ran. */
export interface StandinServices {
  spreadsheet: StandinSpreadsheet;
  /** Calls by method name and by Class.method; missing keys read 0. */
  calls: CallCounts;
  callCounter: CallCounter;
  ui: UiRecorder;
  /** Every UrlFetchApp request, in order. */
  fetches: RecordedFetch[];
  locks: LockRegistry;
  properties: PropertyStores;
  /** The active user's property store. */
  userProperties: PropertyStore;
  documentProperties: PropertyStore;
  toasts: Toast[];
  logs: LogLine[];
  /** Utilities.sleep requests in ms. */
  sleeps: number[];
  user: string;
}

/** The services plus the globals to install in the script's global scope. */
export interface CreatedServices {
  services: StandinServices;
  globals: Record<string, unknown>;
}

/** The SpreadsheetApp global. */
export class SpreadsheetApp {
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly ProtectionType = ProtectionType;

  constructor(
    private readonly spreadsheet: StandinSpreadsheet,
    private readonly ui: Ui,
  ) {}

  private count(method: string): Realm {
    return this.spreadsheet.count(method, 'SpreadsheetApp');
  }

  getActiveSpreadsheet(): StandinSpreadsheet {
    this.count('getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getActive(): StandinSpreadsheet {
    this.count('getActive');
    return this.spreadsheet;
  }

  getActiveSheet(): StandinSheet {
    this.count('getActiveSheet');
    return this.spreadsheet.activeSheet;
  }

  getActiveRange(): StandinRange {
    this.count('getActiveRange');
    return this.spreadsheet.activeRange();
  }

  getSelection(): Selection {
    this.count('getSelection');
    return this.spreadsheet.getSelection();
  }

  setActiveSheet(sheet: StandinSheet): StandinSheet {
    this.count('setActiveSheet');
    return this.spreadsheet.setActiveSheet(sheet);
  }

  setActiveRange(range: StandinRange): StandinRange {
    this.count('setActiveRange');
    return this.spreadsheet.setActiveRange(range);
  }

  getUi(): Ui {
    this.count('getUi');
    return this.ui;
  }

  /** Pending changes are applied at once in the stand-in; flush only counts. */
  flush(): void {
    this.count('flush');
  }

  /** The add-on's scope is spreadsheets.currentonly: opening other files is not allowed. */
  openById(_id: string): never {
    const realm = this.count('openById');
    throw realm.error(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
}

/** A service object whose methods count their calls. */
function countedService<T extends Record<string, () => unknown>>(
  count: (className: string, method: string) => Realm,
  className: string,
  methods: T,
): T {
  const service: Record<string, () => unknown> = {};
  for (const [method, make] of Object.entries(methods)) {
    service[method] = () => {
      count(className, method);
      return make();
    };
  }
  return service as T;
}

/**
 * Builds the Apps Script globals over `options.spreadsheet` and binds the spreadsheet to the realm
 * and counter.
 * @example const { globals, services } = createServices({ spreadsheet: createSpreadsheet({ sheets: { Sheet1: [] } }) })
 */
export function createServices(options: ServiceOptions): CreatedServices {
  const spreadsheet = options.spreadsheet;
  if (options.realm) spreadsheet.environment.realm = options.realm;
  if (options.calls) spreadsheet.environment.calls = options.calls;
  const realm = (): Realm => spreadsheet.environment.realm;
  const callCounter = spreadsheet.environment.calls;
  const count = (className: string, method: string): Realm => {
    callCounter.record(className, method);
    return realm();
  };
  const user = options.user ?? 'marketer@example.com';
  const timeZone = options.timeZone ?? spreadsheet.timeZone;
  const now = options.now ?? Date.now;
  const properties = options.properties ?? createPropertyStores();
  let userStore = properties.users.get(user);
  if (!userStore) {
    userStore = new PropertyStore();
    properties.users.set(user, userStore);
  }
  const userProperties = userStore;
  const locks = options.locks ?? new LockRegistry();
  const recorder = new UiRecorder();
  const ui = new Ui(recorder, options.addonName ?? 'Customer Segments', (method, className = 'Ui') =>
    count(className, method),
  );
  const urlFetch = new UrlFetchApp(
    (method) => count('UrlFetchApp', method),
    options.fetchHandler,
    options.fetchTimeoutMs,
    options.urlFetchWhitelist,
  );
  const logs: LogLine[] = [];
  const utilities = new Utilities(count, options.uuid);
  const caches = { document: new CacheStore(), script: new CacheStore(), user: new CacheStore() };
  const cacheOf = (store: CacheStore) => new Cache(store, (method) => count('Cache', method), now);
  const propertiesOf = (store: PropertyStore) =>
    new Properties(store, (method) => count('Properties', method));
  const lockOf = (kind: LockKind) => new Lock(locks, kind, (method) => count('Lock', method));

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetApp(spreadsheet, ui),
    HtmlService: new HtmlService(options.htmlDir ?? process.cwd(), count, realm),
    PropertiesService: countedService(count, 'PropertiesService', {
      getDocumentProperties: () => propertiesOf(spreadsheet.documentProperties),
      getScriptProperties: () => propertiesOf(properties.script),
      getUserProperties: () => propertiesOf(userProperties),
    }),
    LockService: countedService(count, 'LockService', {
      getDocumentLock: () => lockOf('document'),
      getScriptLock: () => lockOf('script'),
      getUserLock: () => lockOf('user'),
    }),
    CacheService: countedService(count, 'CacheService', {
      getDocumentCache: () => cacheOf(caches.document),
      getScriptCache: () => cacheOf(caches.script),
      getUserCache: () => cacheOf(caches.user),
    }),
    UrlFetchApp: urlFetch,
    Utilities: utilities,
    Session: new Session(user, timeZone, count),
    Logger: new Logger(logs, count),
    console: createConsole(logs),
    ScriptApp: new ScriptApp(count),
    Charts: {
      ChartType,
      Position: ChartPosition,
      ChartMergeStrategy,
      ChartHiddenDimensionStrategy,
    },
  };

  return {
    globals,
    services: {
      spreadsheet,
      calls: callCounter.counts,
      callCounter,
      ui: recorder,
      fetches: urlFetch.requests,
      locks,
      properties,
      userProperties,
      documentProperties: spreadsheet.documentProperties,
      toasts: spreadsheet.toasts,
      logs,
      sleeps: utilities.sleeps,
      user,
    },
  };
}
