export function buildCore(options?: {
  outfile?: string;
  minify?: boolean;
}): Promise<{ outfile: string; bytes: number }>;
