/**
 * HtmlService (developers.google.com/apps-script/guides/html/templates): HtmlOutput, and templates
 * with standard scriptlets `<? code ?>`, printing scriptlets `<?= expr ?>` (HTML-escaped) and
 * force-printing scriptlets `<?!= expr ?>` (raw). Template code runs in the script's realm, so it
 * sees the script's globals (an `include(name)` helper, say) and the values assigned to the template
 * object. Files are read from the build directory: `Sidebar` or `Sidebar.html`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type EnumValue, enumMember, SandboxMode, XFrameOptionsMode } from './enums';
import type { Realm } from './realm';

type Count = (className: string, method: string) => Realm;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function printable(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** HtmlOutput: content plus the title and size Apps Script shows it with. */
export class HtmlOutput {
  #content: string;
  #title = '';
  #width: number | undefined;
  #height: number | undefined;
  #sandboxMode = 'IFRAME';
  #xFrameOptionsMode = 'DEFAULT';
  #metaTags: { name: string; content: string }[] = [];

  constructor(
    content: string,
    private readonly count: Count,
  ) {
    this.#content = content;
  }

  getContent(): string {
    this.count('HtmlOutput', 'getContent');
    return this.#content;
  }

  setContent(content: string): HtmlOutput {
    this.count('HtmlOutput', 'setContent');
    this.#content = printable(content);
    return this;
  }

  /** Appends raw HTML. */
  append(addedContent: unknown): HtmlOutput {
    this.count('HtmlOutput', 'append');
    this.#content += printable(addedContent);
    return this;
  }

  /** Appends text, HTML-escaped. */
  appendUntrusted(addedContent: unknown): HtmlOutput {
    this.count('HtmlOutput', 'appendUntrusted');
    this.#content += escapeHtml(printable(addedContent));
    return this;
  }

  clear(): HtmlOutput {
    this.count('HtmlOutput', 'clear');
    this.#content = '';
    return this;
  }

  getTitle(): string {
    this.count('HtmlOutput', 'getTitle');
    return this.#title;
  }

  setTitle(title: string): HtmlOutput {
    this.count('HtmlOutput', 'setTitle');
    this.#title = String(title);
    return this;
  }

  getWidth(): number | undefined {
    this.count('HtmlOutput', 'getWidth');
    return this.#width;
  }

  setWidth(width: number): HtmlOutput {
    this.count('HtmlOutput', 'setWidth');
    this.#width = Number(width);
    return this;
  }

  getHeight(): number | undefined {
    this.count('HtmlOutput', 'getHeight');
    return this.#height;
  }

  setHeight(height: number): HtmlOutput {
    this.count('HtmlOutput', 'setHeight');
    this.#height = Number(height);
    return this;
  }

  setSandboxMode(mode: EnumValue): HtmlOutput {
    this.count('HtmlOutput', 'setSandboxMode');
    this.#sandboxMode = enumMember(SandboxMode, mode, 'sandbox mode').name();
    return this;
  }

  setXFrameOptionsMode(mode: EnumValue): HtmlOutput {
    this.count('HtmlOutput', 'setXFrameOptionsMode');
    this.#xFrameOptionsMode = enumMember(XFrameOptionsMode, mode, 'X-Frame-Options mode').name();
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.count('HtmlOutput', 'addMetaTag');
    this.#metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  setFaviconUrl(_iconUrl: string): HtmlOutput {
    this.count('HtmlOutput', 'setFaviconUrl');
    return this;
  }

  /** A plain record of what would be shown (for tests). */
  describe(): {
    title: string;
    content: string;
    width?: number;
    height?: number;
    sandboxMode: string;
    xFrameOptionsMode: string;
    metaTags: { name: string; content: string }[];
  } {
    return {
      title: this.#title,
      content: this.#content,
      width: this.#width,
      height: this.#height,
      sandboxMode: this.#sandboxMode,
      xFrameOptionsMode: this.#xFrameOptionsMode,
      metaTags: [...this.#metaTags],
    };
  }
}

/**
 * Turns template text into the source of `function (__data, output)`: literal text is appended raw,
 * `<?= ?>` through appendUntrusted, `<?!= ?>` through append, `<? ?>` is code.
 */
export function compileTemplate(text: string): string {
  const statements: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('<?');
    if (open < 0) {
      statements.push(`output.append(${JSON.stringify(rest)});`);
      break;
    }
    if (open > 0) statements.push(`output.append(${JSON.stringify(rest.slice(0, open))});`);
    const close = rest.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet in HTML template');
    const inner = rest.slice(open + 2, close);
    if (inner.startsWith('!=')) statements.push(`output.append(__print(${inner.slice(2)}));`);
    else if (inner.startsWith('=')) statements.push(`output.appendUntrusted(__print(${inner.slice(1)}));`);
    else statements.push(inner);
    rest = rest.slice(close + 2);
  }
  return `function (__data, output, __print) { with (__data) {\n${statements.join('\n')}\n} }`;
}

/** HtmlTemplate: assign properties on it, then evaluate(). */
export class HtmlTemplate {
  #raw: string;
  #count: Count;
  #realm: () => Realm;

  constructor(raw: string, count: Count, realm: () => Realm) {
    this.#raw = raw;
    this.#count = count;
    this.#realm = realm;
  }

  getRawContent(): string {
    this.#count('HtmlTemplate', 'getRawContent');
    return this.#raw;
  }

  getCode(): string {
    this.#count('HtmlTemplate', 'getCode');
    return compileTemplate(this.#raw);
  }

  /** Runs the scriptlets with the template's own properties in scope. */
  evaluate(): HtmlOutput {
    this.#count('HtmlTemplate', 'evaluate');
    const output = new HtmlOutput('', this.#count);
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) data[key] = (this as unknown as Record<string, unknown>)[key];
    const render = this.#realm().compile(compileTemplate(this.#raw));
    if (typeof render !== 'function') throw new Error('Template did not compile to a function');
    render(data, output, printable);
    return output;
  }
}

/** The HtmlService global. */
export class HtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly htmlDir: string,
    private readonly countCall: Count,
    private readonly realm: () => Realm,
  ) {}

  private readFile(filename: string): string {
    const name = String(filename);
    const candidates = [path.join(this.htmlDir, name), path.join(this.htmlDir, `${name}.html`)];
    const found = candidates.find((candidate) => !name.includes('..') && existsSync(candidate));
    if (!found) throw this.realm().error(`No HTML file named ${name} was found.`);
    return readFileSync(found, 'utf8');
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    this.countCall('HtmlService', 'createHtmlOutput');
    return new HtmlOutput(printable(html), this.countCall);
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.countCall('HtmlService', 'createHtmlOutputFromFile');
    return new HtmlOutput(this.readFile(filename), this.countCall);
  }

  createTemplate(html: string): HtmlTemplate {
    this.countCall('HtmlService', 'createTemplate');
    return new HtmlTemplate(printable(html), this.countCall, this.realm);
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    this.countCall('HtmlService', 'createTemplateFromFile');
    return new HtmlTemplate(this.readFile(filename), this.countCall, this.realm);
  }

  getUserAgent(): string {
    this.countCall('HtmlService', 'getUserAgent');
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  }
}
