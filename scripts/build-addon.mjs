// Builds the Google Sheets add-on into dist/addon/: Code.js (core + sheets-addon/src as one IIFE
// bound to the global `Addon`, plus a top-level forwarder per entry point, since Apps Script only
// calls top-level functions), the HTML files, and appsscript.json. Prints the minified size.
// `node scripts/build-addon.mjs` runs it; tests import { buildAddon }.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Size the bundle should stay under (issue #16): Apps Script loads it on every execution. */
export const SIZE_GOAL_BYTES = 150 * 1024;

/**
 * The manifest's urlFetchWhitelist entry for the deployment's Slack app: its https origin (and path,
 * if any) ending in '/', as Google requires. Throws a one-line reason for anything but an https URL.
 * @param {string} url SEGMENTS_SLACK_APP_URL
 * @returns {string}
 * @example allowlistEntry('https://segments.example.com') // 'https://segments.example.com/'
 */
export function allowlistEntry(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`SEGMENTS_SLACK_APP_URL is not a URL: "${url}"; set it to the Slack app's https address`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(
      `SEGMENTS_SLACK_APP_URL must start with https:// (got "${url}"): the add-on sends a bearer token to it`,
    );
  }
  if (parsed.search || parsed.hash || parsed.username) {
    throw new Error(
      `SEGMENTS_SLACK_APP_URL must be a plain https address without query, fragment or user: "${url}"`,
    );
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.origin}${path}/`;
}

/** Where Sidebar.html takes the sidebar's texts in every language. */
const SIDEBAR_STRINGS_MARK = '/*__SIDEBAR_STRINGS__*/ {}';

/**
 * Core's sidebar texts in every language as a script literal, for Sidebar.html: they ship with the
 * page that shows them, not in the Code.js that Apps Script loads on every call.
 * @returns {Promise<string>}
 */
async function sidebarStringsJson() {
  const result = await build({
    stdin: {
      contents: "export { SIDEBAR_STRINGS } from './core/src/i18n/sidebar-strings';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Sidebar',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const context = vm.createContext({});
  vm.runInContext(
    `${result.outputFiles[0].text}\n;globalThis.__strings = JSON.stringify(Sidebar.SIDEBAR_STRINGS);`,
    context,
  );
  // '<' escaped so no text can close the page's <script>.
  return String(context.__strings).replace(/</g, '\\u003c');
}

/**
 * Bundles the add-on.
 * @param {{ outDir?: string, quiet?: boolean, slackAppUrl?: string }} [options] outDir defaults to
 *   dist/addon; slackAppUrl defaults to the SEGMENTS_SLACK_APP_URL environment variable (unset: a
 *   development build with no urlFetchWhitelist, which Google refuses to publish)
 * @returns {Promise<{ outDir: string, codePath: string, entryPoints: string[], bytes: number, files: string[], allowed: string }>}
 */
export async function buildAddon(options = {}) {
  const outDir = options.outDir ?? path.join(root, 'dist', 'addon');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const slackAppUrl = options.slackAppUrl ?? process.env.SEGMENTS_SLACK_APP_URL ?? '';
  const allowed = slackAppUrl ? allowlistEntry(slackAppUrl) : '';

  const result = await build({
    entryPoints: [path.join(root, 'sheets-addon', 'src', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Addon',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    // The Slack app the settings may point at (sheets-addon/src/settings.ts); '' for a development build.
    define: { __SLACK_APP_URL__: JSON.stringify(allowed) },
  });
  const bundle = result.outputFiles[0].text;

  // The entry points are the module's exports: evaluate the bundle in an empty context to list them
  // (this also proves it loads without require, process or timers).
  const context = vm.createContext({});
  vm.runInContext(`${bundle}\n;globalThis.__entryPoints = Object.keys(Addon);`, context);
  const entryPoints = [...context.__entryPoints].sort();
  const forwarders = entryPoints.map((name) => `function ${name}(e){return Addon.${name}(e)}`).join('\n');
  const code = `${bundle}\n${forwarders}\n`;
  const codePath = path.join(outDir, 'Code.js');
  await writeFile(codePath, code);

  const files = ['Code.js'];
  const htmlDir = path.join(root, 'sheets-addon', 'html');
  const sidebarStrings = await sidebarStringsJson();
  for (const name of await readdir(htmlDir)) {
    if (!name.endsWith('.html')) continue;
    const html = await readFile(path.join(htmlDir, name), 'utf8');
    await writeFile(path.join(outDir, name), html.replace(SIDEBAR_STRINGS_MARK, sidebarStrings));
    files.push(name);
  }
  const manifest = JSON.parse(await readFile(path.join(root, 'appsscript.json'), 'utf8'));
  if (allowed) manifest.urlFetchWhitelist = [allowed];
  else delete manifest.urlFetchWhitelist;
  await writeFile(path.join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push('appsscript.json');

  const bytes = Buffer.byteLength(code);
  if (!options.quiet) {
    const verdict = bytes <= SIZE_GOAL_BYTES ? 'within' : 'OVER';
    console.log(
      `dist/addon/Code.js: ${(bytes / 1024).toFixed(1)} KB minified (${verdict} the ${SIZE_GOAL_BYTES / 1024} KB goal), ` +
        `${entryPoints.length} entry points: ${entryPoints.join(', ')}`,
    );
    console.log(`dist/addon: ${files.join(', ')}`);
    console.log(
      allowed
        ? `urlFetchWhitelist: ${allowed}`
        : 'No SEGMENTS_SLACK_APP_URL: development build without urlFetchWhitelist (Google requires one to publish).',
    );
  }
  return { outDir, codePath, entryPoints, bytes, files, allowed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAddon().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
