/**
 * The add-on's settings: where the Slack app's runs API lives and the workspace token `/segments
 * connect` issued. Kept in UserProperties (per user, never shared with other editors of the sheet).
 */
import * as z from 'zod/mini';
import '@segments/core';
import type { Messages } from '@segments/core';
import { addonMessages } from './language';
import { AddonUserError } from './result';

const SERVER_URL_KEY = 'customerSegments.serverUrl';

/**
 * The Slack app URL this build may call, set by `SEGMENTS_SLACK_APP_URL` at `npm run build:addon`
 * (the build also writes it to the manifest's urlFetchWhitelist, which Google requires for a
 * published add-on). '' for a development build: any https URL is accepted.
 */
declare const __SLACK_APP_URL__: string | undefined;
export const ALLOWED_SLACK_APP_URL: string = typeof __SLACK_APP_URL__ === 'string' ? __SLACK_APP_URL__ : '';

/**
 * Why `serverUrl` may not be called from this build, or null when it may: it must start with the
 * allowlisted URL (the manifest's urlFetchWhitelist entry, which ends in '/').
 */
export function allowlistProblem(serverUrl: string, allowed = ALLOWED_SLACK_APP_URL): string | null {
  if (!allowed) return null;
  const prefix = allowed.endsWith('/') ? allowed : `${allowed}/`;
  if (`${serverUrl.replace(/\/+$/, '')}/`.toLowerCase().startsWith(prefix.toLowerCase())) return null;
  return addonMessages().addonUrlNotAllowed(prefix, serverUrl);
}
const TOKEN_KEY = 'customerSegments.token';

export interface Settings {
  serverUrl: string;
  token: string;
}

/** The settings form, its messages in the user's language. */
const settingsInputSchema = (m: Messages) =>
  z.object({
    serverUrl: z.string().check(
      z.trim(),
      z.minLength(1, m.addonUrlMissing()),
      // https only: the token travels as a bearer header and must never cross the network in clear.
      z.refine((value) => /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value), {
        message: m.addonUrlNotHttps(),
      }),
    ),
    /** Empty keeps the saved token (the sidebar never sees it). */
    token: z.optional(z.string().check(z.trim(), z.maxLength(500, m.addonTokenTooLong()))),
  });

/** The saved settings, '' when unset. */
export function readSettings(): Settings {
  const properties = PropertiesService.getUserProperties();
  return {
    serverUrl: properties.getProperty(SERVER_URL_KEY) ?? '',
    token: properties.getProperty(TOKEN_KEY) ?? '',
  };
}

/**
 * Validates and saves the settings; a blank token keeps the saved one.
 * @throws AddonUserError naming what is wrong with the URL or token
 */
export function writeSettings(input: unknown): Settings {
  const m = addonMessages();
  const parsed = settingsInputSchema(m).safeParse(input);
  if (!parsed.success) throw new AddonUserError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const serverUrl = parsed.data.serverUrl.replace(/\/+$/, '');
  const blocked = allowlistProblem(serverUrl);
  if (blocked) throw new AddonUserError(blocked);
  const token = parsed.data.token || readSettings().token;
  if (!token) throw new AddonUserError(m.addonTokenMissing());
  PropertiesService.getUserProperties().setProperties({ [SERVER_URL_KEY]: serverUrl, [TOKEN_KEY]: token });
  return { serverUrl, token };
}

/** What the sidebar may see of the settings: never the token itself. */
export function publicSettings(settings: Settings): {
  serverUrl: string;
  hasToken: boolean;
  tokenHint: string;
} {
  return {
    serverUrl: settings.serverUrl,
    hasToken: settings.token !== '',
    tokenHint: settings.token ? `…${settings.token.slice(-4)}` : '',
  };
}
