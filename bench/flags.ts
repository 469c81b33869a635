/**
 * Command-line flags shared by the benches: `--name N` as a positive number, with a default.
 * @example numberFlag(['--k', '5'], 'k', 8) // 5
 */
export function numberFlag(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const parsed = Number(argv[index + 1]);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number`);
  return parsed;
}
