import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { CONVERSATION_MESSAGES_EN, CONVERSATION_MESSAGES_ID, SIDEBAR_STRINGS } from '@segments/core';
import { MENU_ITEMS } from '@segments/sheets-addon/menu-items';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildAddonResult, buildAddon } from '../../scripts/build-addon.mjs';

/** The sidebar calls the server as google.script.run[.withXHandler(fn)…].name(…). */
const SCRIPT_RUN_CALL =
  /google\.script\.run((?:\s*\.\s*with(?:SuccessHandler|FailureHandler|UserObject)\(\s*\w*\s*\))*)\s*\.\s*(\w+)\s*\(/g;

let built: BuildAddonResult;
let code: string;

beforeAll(async () => {
  built = await buildAddon({ outDir: await mkdtemp(path.join(tmpdir(), 'addon-build-')), quiet: true });
  code = await readFile(built.codePath, 'utf8');
});

describe('build-addon', () => {
  it('writes Code.js, the sidebar and the manifest', () => {
    expect(built.files.sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  it('produces a bundle that loads in a bare context and defines every entry point as a global', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = context as Record<string, unknown>;
    for (const name of [
      'onOpen',
      'onInstall',
      'showSidebar',
      'getSheetProfile',
      'runSegmentation',
      'listRuns',
      'assignNewCustomers',
      'getSettings',
      'saveSettings',
      'publishRun',
      'showPredictSidebar',
      'predictSegments',
    ]) {
      expect(typeof globals[name], name).toBe('function');
    }
    expect(Object.keys(globals)).not.toContain('require');
  });

  it('has a top-level forwarder for every menu item', () => {
    for (const [caption, functionName] of MENU_ITEMS) {
      expect(code, `${caption} → ${functionName}`).toContain(
        `function ${functionName}(e){return Addon.${functionName}(e)}`,
      );
    }
  });

  it('has a top-level forwarder for every google.script.run call in the HTML', async () => {
    const html = await readFile(path.join(built.outDir, 'Sidebar.html'), 'utf8');
    const called = new Set([...html.matchAll(SCRIPT_RUN_CALL)].map((match) => match[2]));
    expect([...called].sort()).toEqual([
      'assignNewCustomers',
      'exportSegment',
      'getActiveTarget',
      'getLanguage',
      'getProgress',
      'getSettings',
      'getSheetProfile',
      'listRuns',
      'openSegmentsSheet',
      'predictSegments',
      'publishRun',
      'renameSegment',
      'runSegmentation',
      'saveLanguage',
      'saveSettings',
    ]);
    for (const name of called) expect(code, name).toContain(`function ${name}(e){return Addon.${name}(e)}`);
  });

  it('takes every text it shows from the catalogue: each data-t key exists in English and Indonesian', async () => {
    const html = await readFile(path.join(built.outDir, 'Sidebar.html'), 'utf8');
    const keys = new Set([...html.matchAll(/data-t(?:-[a-z-]+)?="(\w+)"/g)].map((match) => match[1]));
    // Keys the script fills in (t('…')) count too.
    for (const match of html.matchAll(/\bt\('(\w+)'/g)) keys.add(match[1]);
    expect(keys.size).toBeGreaterThan(80);
    for (const lang of ['en', 'id'] as const) {
      const strings = SIDEBAR_STRINGS[lang] as Record<string, unknown>;
      const missing = [...keys].filter((key) => typeof strings[key] !== 'string' || strings[key] === '');
      expect(missing, lang).toEqual([]);
    }
    // The built page carries both languages' texts (not Code.js, which Apps Script loads on every call).
    expect(html).toContain(
      `const SIDEBAR_STRINGS = ${JSON.stringify(SIDEBAR_STRINGS).replace(/</g, '\\u003c')};`,
    );
    const code = await readFile(path.join(built.outDir, 'Code.js'), 'utf8');
    const texts = Object.values(SIDEBAR_STRINGS.id).filter(
      (text): text is string => typeof text === 'string',
    );
    const longest = texts.sort((a, b) => b.length - a.length).slice(0, 5);
    for (const text of longest) expect(code).not.toContain(text);
    // No English sentence left in the page's markup: the elements are empty until the texts arrive.
    const markup = html.slice(html.indexOf('<body>'), html.indexOf('<script>'));
    expect(
      markup
        .replace(/<[^>]*>/g, ' ')
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .trim(),
    ).toBe('');
  });

  it('leaves the answers, Slack and CLI sentences out of Code.js, which Apps Script loads on every call', async () => {
    const code = await readFile(path.join(built.outDir, 'Code.js'), 'utf8');
    for (const catalogue of [CONVERSATION_MESSAGES_EN, CONVERSATION_MESSAGES_ID]) {
      expect(code).not.toContain(catalogue.noRunnerUp());
      expect(code).not.toContain(catalogue.slackShareButton());
      expect(code).not.toContain(catalogue.cliNoTraits());
    }
  });

  it('ships a manifest with V8 and only the narrow scopes the add-on needs', async () => {
    const manifest = JSON.parse(await readFile(path.join(built.outDir, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });
});
