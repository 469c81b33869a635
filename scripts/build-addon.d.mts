/** Types for scripts/build-addon.mjs (imported by the add-on tests). */
export declare const SIZE_GOAL_BYTES: number;

export interface BuildAddonResult {
  outDir: string;
  codePath: string;
  /** Names of the exported entry points, each with a top-level forwarder in Code.js. */
  entryPoints: string[];
  bytes: number;
  files: string[];
}

export declare function buildAddon(options?: { outDir?: string; quiet?: boolean }): Promise<BuildAddonResult>;
