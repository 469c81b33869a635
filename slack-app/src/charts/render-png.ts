/**
 * SVG to PNG with resvg (@resvg/resvg-js: Rust's resvg as a prebuilt N-API binary shipped in npm
 * packages per platform; no native build, no download at run time). Fonts: DejaVu Sans from the
 * system (Debian fonts-dejavu-core), else whatever system fonts there are, so a missing font
 * changes the typeface, never whether a chart renders.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { type ChartSpec, chartSvg } from './charts';

const DEJAVU = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

let fontFiles: string[] | undefined;

function fonts(): { fontFiles: string[]; loadSystemFonts: boolean; defaultFontFamily: string } {
  fontFiles ??= DEJAVU.filter((file) => existsSync(file));
  // Loading every system font costs time per render; only when DejaVu is not there.
  return { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'DejaVu Sans' };
}

/** A chart as PNG bytes, with the text alternative Block Kit's image needs. */
export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
  alt: string;
}

/**
 * Renders a chart spec to PNG.
 * @example renderChartPng({ kind: 'sizes', run }).png.subarray(1, 4).toString() // → 'PNG'
 */
export function renderChartPng(spec: ChartSpec): ChartPng {
  const chart = chartSvg(spec);
  const png = new Resvg(chart.svg, { font: fonts(), background: '#ffffff' }).render().asPng();
  return { png, width: chart.width, height: chart.height, alt: chart.alt };
}
