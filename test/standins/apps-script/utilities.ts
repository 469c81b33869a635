/**
 * Utilities, Session, Logger, console and ScriptApp, reduced to what an add-on uses, from Google's
 * reference (developers.google.com/apps-script/reference/utilities, …/base/session, …/base/logger).
 */
import { randomUUID } from 'node:crypto';
import { format as formatText } from 'node:util';
import { Blob } from './blob';
import { AuthMode } from './enums';
import { isDate, type Realm } from './realm';

type Count = (className: string, method: string) => Realm;

/** A line logged by Logger.log or console.*. */
export interface LogLine {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
}

function zonedParts(date: Date, timeZone: string): ZonedParts {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    weekday: new Date(asUtc).getUTCDay(),
    offsetMinutes,
  };
}

/**
 * Java SimpleDateFormat subset: yyyy yy MMMM MMM MM M dd d EEEE EEE HH H hh h mm m ss s SSS a Z XXX 'literal'.
 * @example formatDate(new Date(0), 'Etc/UTC', "yyyy-MM-dd'T'HH:mm") // '1970-01-01T00:00'
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = timeZone === 'GMT' || timeZone === 'UTC' ? 'Etc/UTC' : timeZone;
  const p = zonedParts(date, zone);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const offset = (colon: boolean) => {
    const sign = p.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(p.offsetMinutes);
    return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
  };
  return pattern.replace(
    /'([^']*)'|y+|M+|d+|E+|H+|h+|m+|s+|S+|a|Z|X+/g,
    (token, literal: string | undefined) => {
      if (literal !== undefined) return literal === '' ? "'" : literal;
      const n = token.length;
      switch (token[0]) {
        case 'y':
          return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        case 'M':
          return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        case 'd':
          return pad(p.day, n);
        case 'E':
          return n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        case 'H':
          return pad(p.hour, n);
        case 'h':
          return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        case 'm':
          return pad(p.minute, n);
        case 's':
          return pad(p.second, n);
        case 'S':
          return pad(date.getUTCMilliseconds(), n);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'Z':
          return offset(false);
        default:
          return p.offsetMinutes === 0 ? 'Z' : offset(true);
      }
    },
  );
}

/** The Utilities global. */
export class Utilities {
  /** Every Utilities.sleep request in ms; nothing actually sleeps. */
  readonly sleeps: number[] = [];

  constructor(
    private readonly count: Count,
    private readonly uuid: () => string = randomUUID,
  ) {}

  getUuid(): string {
    this.count('Utilities', 'getUuid');
    return this.uuid();
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    const realm = this.count('Utilities', 'formatDate');
    if (!isDate(date))
      throw realm.error(
        `The parameters (${typeof date}) don't match the method signature for Utilities.formatDate.`,
      );
    return formatDate(date, String(timeZone), String(format));
  }

  /** sprintf-style formatting (%s, %d, %f, %%). */
  formatString(template: string, ...args: unknown[]): string {
    this.count('Utilities', 'formatString');
    return formatText(String(template), ...args);
  }

  /** Google caps a sleep at 300000 ms; the stand-in records it and returns at once. */
  sleep(milliseconds: number): void {
    const realm = this.count('Utilities', 'sleep');
    if (Number(milliseconds) > 300_000) throw realm.error('Invalid argument: milliseconds');
    this.sleeps.push(Number(milliseconds));
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    const realm = this.count('Utilities', 'newBlob');
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => Number(b) & 0xff));
    return new Blob(bytes, contentType ?? null, name ?? null, realm);
  }

  base64Encode(data: string | number[]): string {
    this.count('Utilities', 'base64Encode');
    return (
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff))
    ).toString('base64');
  }

  base64Decode(encoded: string): number[] {
    const realm = this.count('Utilities', 'base64Decode');
    return realm.array(
      [...Buffer.from(String(encoded), 'base64')].map((byte) => (byte > 127 ? byte - 256 : byte)),
    );
  }
}

/** Session.getActiveUser() / getEffectiveUser(). */
export class User {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

/** The Session global. */
export class Session {
  constructor(
    private readonly email: string,
    private readonly timeZone: string,
    private readonly count: Count,
  ) {}

  getActiveUser(): User {
    this.count('Session', 'getActiveUser');
    return new User(this.email);
  }

  getEffectiveUser(): User {
    this.count('Session', 'getEffectiveUser');
    return new User(this.email);
  }

  getScriptTimeZone(): string {
    this.count('Session', 'getScriptTimeZone');
    return this.timeZone;
  }

  getActiveUserLocale(): string {
    this.count('Session', 'getActiveUserLocale');
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    this.count('Session', 'getTemporaryActiveUserKey');
    return `key-${Buffer.from(this.email).toString('base64url')}`;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** The Logger global. */
export class Logger {
  constructor(
    private readonly lines: LogLine[],
    private readonly count: Count,
  ) {}

  /** log(data) or log(format, ...values) with %s-style placeholders. */
  log(data: unknown, ...values: unknown[]): Logger {
    this.count('Logger', 'log');
    const text = values.length > 0 ? formatText(String(data), ...values) : describe(data);
    this.lines.push({ source: 'Logger', level: 'log', text });
    return this;
  }

  getLog(): string {
    this.count('Logger', 'getLog');
    return this.lines
      .filter((line) => line.source === 'Logger')
      .map((line) => line.text)
      .join('\n');
  }

  clear(): void {
    this.count('Logger', 'clear');
    for (let i = this.lines.length - 1; i >= 0; i -= 1)
      if (this.lines[i].source === 'Logger') this.lines.splice(i, 1);
  }
}

/** The console global of Apps Script (Stackdriver logging), recorded instead of printed. */
export function createConsole(lines: LogLine[]): Record<LogLine['level'], (...args: unknown[]) => void> {
  const at =
    (level: LogLine['level']) =>
    (...args: unknown[]): void => {
      lines.push({ source: 'console', level, text: args.map(describe).join(' ') });
    };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}

/** ScriptApp, reduced to AuthMode and the ids an add-on may read. */
export class ScriptApp {
  readonly AuthMode = AuthMode;

  constructor(private readonly count: Count) {}

  getScriptId(): string {
    this.count('ScriptApp', 'getScriptId');
    return '1StandinScriptId';
  }

  getOAuthToken(): string {
    this.count('ScriptApp', 'getOAuthToken');
    return 'standin-oauth-token';
  }
}
