/**
 * Small helpers for hand-written SVG charts: escaping, a colour per segment, round axis ticks and
 * number labels. Charts draw summary numbers only (sizes, centroids, profiles, choose-k
 * candidates), never customer rows.
 */

/** Ten colours that stay apart for colour-blind readers (Tableau 10), one per segment, cycling. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** The colour of segment `index`. */
export function colourOf(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** Escapes text for SVG content and attributes. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts a label to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Round ticks covering [min, max] (about `count` of them): 0, 20, 40… */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Math.round(value / step) * step);
  }
  return ticks;
}

/** A number for an axis or a label: 1,234 / 12.5 / 0.42. */
export function label(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return String(Math.round(value * 10) / 10);
  return String(Math.round(value * 100) / 100);
}

/** The SVG document around a chart body: white background, title, default font. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, sans-serif">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="24" y="34" font-size="19" font-weight="bold" fill="#1d1c1d">${xml(clip(title, 70))}</text>` +
    `${body}</svg>`
  );
}
