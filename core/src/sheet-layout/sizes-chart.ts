/**
 * The sizes chart as a small SVG (horizontal bars, one per segment, labelled with persona and share),
 * so the add-on's sidebar shows it inline (as an <img>, which runs no script) without a chart library.
 */

/** One bar. */
export interface SizeBar {
  name: string;
  size: number;
  share: number;
}

/** Bar colours, one per segment (Google's chart palette, readable on white). */
export const SEGMENT_COLOURS = [
  '#4285f4',
  '#db4437',
  '#f4b400',
  '#0f9d58',
  '#ab47bc',
  '#00acc1',
  '#ff7043',
  '#9e9d24',
  '#5c6bc0',
  '#f06292',
];

/**
 * An SVG of customers per segment, `width` pixels wide (default 276: the sidebar's 300 minus padding).
 * Names are XML-escaped and cut to fit.
 * @example sizesChartSvg([{ name: 'Budget Shoppers', size: 81, share: 0.405 }]).startsWith('<svg') // true
 */
export function sizesChartSvg(bars: readonly SizeBar[], width = 276): string {
  const rowHeight = 34;
  const top = 6;
  const height = top + bars.length * rowHeight + 4;
  let largest = 0;
  for (const bar of bars) largest = Math.max(largest, bar.size);
  // Room right of the longest bar for its label ("1,234 · 40.5%").
  const barSpace = width - 84;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif" font-size="11" role="img">`,
    '<title>Customers per segment</title>',
  ];
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const length = largest > 0 ? Math.max(2, Math.round((bar.size / largest) * barSpace)) : 2;
    const colour = SEGMENT_COLOURS[i % SEGMENT_COLOURS.length];
    parts.push(
      `<text x="0" y="${y + 10}" fill="#202124">${escapeXml(cut(`${i + 1} · ${bar.name}`, 44))}</text>`,
      `<rect x="0" y="${y + 14}" width="${length}" height="14" rx="2" fill="${colour}"/>`,
      `<text x="${length + 4}" y="${y + 25}" fill="#5f6368">${bar.size} · ${(bar.share * 100).toFixed(1)}%</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Text safe inside SVG/XML markup.
 * @example escapeXml('A & B <C>') // 'A &amp; B &lt;C&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
