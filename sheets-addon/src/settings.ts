/**
 * The add-on's settings: where the Slack app's runs API lives and the workspace token `/segments
 * connect` issued. Kept in UserProperties (per user, never shared with other editors of the sheet).
 */
import * as z from 'zod/mini';
import '@segments/core';
import { AddonUserError } from './result';

const SERVER_URL_KEY = 'customerSegments.serverUrl';
const TOKEN_KEY = 'customerSegments.token';

export interface Settings {
  serverUrl: string;
  token: string;
}

const settingsInputSchema = z.object({
  serverUrl: z.string().check(
    z.trim(),
    z.minLength(1, 'Enter the Slack app URL, e.g. https://segments.example.com'),
    z.refine((value) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value), {
      message:
        'The Slack app URL must start with https:// and name a host, e.g. https://segments.example.com',
    }),
  ),
  /** Empty keeps the saved token (the sidebar never sees it). */
  token: z.optional(
    z
      .string()
      .check(z.trim(), z.maxLength(500, 'The token is longer than 500 characters; paste only the token')),
  ),
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
  const parsed = settingsInputSchema.safeParse(input);
  if (!parsed.success) throw new AddonUserError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const serverUrl = parsed.data.serverUrl.replace(/\/+$/, '');
  const token = parsed.data.token || readSettings().token;
  if (!token) throw new AddonUserError('Paste the token from /segments connect in Slack');
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
