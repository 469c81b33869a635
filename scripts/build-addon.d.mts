/** Types for scripts/build-addon.mjs (imported by the add-on tests). */
export declare const SIZE_GOAL_BYTES: number;

export interface BuildAddonResult {
  outDir: string;
  codePath: string;
  /** Names of the exported entry points, each with a top-level forwarder in Code.js. */
  entryPoints: string[];
  bytes: number;
  files: string[];
  /** The manifest's urlFetchWhitelist entry ('' for a development build). */
  allowed: string;
}

/** The urlFetchWhitelist entry for an https Slack app URL; throws a one-line reason otherwise. */
export declare function allowlistEntry(url: string): string;

export declare function buildAddon(options?: {
  outDir?: string;
  quiet?: boolean;
  /** Default: the SEGMENTS_SLACK_APP_URL environment variable. */
  slackAppUrl?: string;
}): Promise<BuildAddonResult>;
