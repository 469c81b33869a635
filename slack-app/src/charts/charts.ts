/**
 * The charts the app sends, as SVG drawn from a run's summary: segment sizes (bars), the two main
 * features by segment (centroids sized by share, with spread ellipses when the profile has a
 * spread), choosing k (elbow and silhouette), and a comparison of two runs (sizes before/after).
 * Nothing here sees a customer row: the input is the RunSummary the store keeps.
 */
import { type ChartKind, compareSegments, mainFeatures, maxOf, minOf, type RunSummary } from '@segments/core';
import { clip, colourOf, label, niceTicks, svgDocument, xml } from './svg';

/** What to draw: a chart kind and the run(s) it is about. */
export interface ChartSpec {
  kind: ChartKind;
  run: RunSummary;
  /** The earlier run, for `compare`. */
  previous?: RunSummary;
}

/** A drawn chart: the SVG, its size and a text alternative for screen readers (Block Kit alt_text). */
export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
  alt: string;
}

const WIDTH = 800;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Draws a chart from its spec.
 * @example chartSvg({ kind: 'sizes', run }).svg.startsWith('<svg') // → true
 */
export function chartSvg(spec: ChartSpec): ChartSvg {
  switch (spec.kind) {
    case 'sizes':
      return sizesChart(spec.run);
    case 'features':
      return featuresChart(spec.run);
    case 'choose-k':
      return chooseKChart(spec.run);
    case 'compare':
      return spec.previous ? compareChart(spec.previous, spec.run) : sizesChart(spec.run);
    default: {
      const never: never = spec.kind;
      throw new Error(`unknown chart kind ${String(never)}`);
    }
  }
}

/** Horizontal bars, one per segment in segment order, labelled "1 · Name" and "39 (19.5%)". */
function sizesChart(run: RunSummary): ChartSvg {
  const segments = run.segments.slice(0, 20);
  const rowHeight = 30;
  const top = 60;
  const left = 260;
  const barMax = WIDTH - left - 140;
  const height = top + segments.length * rowHeight + 30;
  const largest = maxOf(
    segments.map((segment) => segment.size),
    1,
  );
  let body = '';
  segments.forEach((segment, i) => {
    const y = top + i * rowHeight;
    const width = Math.max(2, (segment.size / largest) * barMax);
    body +=
      `<text x="${left - 10}" y="${y + 19}" font-size="14" text-anchor="end" fill="#1d1c1d">${xml(clip(`${segment.index + 1} · ${segment.persona.name}`, 32))}</text>` +
      `<rect x="${left}" y="${y + 4}" width="${width.toFixed(1)}" height="${rowHeight - 8}" rx="3" fill="${colourOf(segment.index)}"/>` +
      `<text x="${(left + width + 8).toFixed(1)}" y="${y + 19}" font-size="13" fill="#616061">${segment.size.toLocaleString('en-US')} (${pct(segment.share)})</text>`;
  });
  const alt = `Segment sizes in ${run.name}: ${segments.map((segment) => `${segment.persona.name} ${segment.size} (${pct(segment.share)})`).join(', ')}`;
  return { svg: svgDocument(WIDTH, height, `Segment sizes · ${run.name}`, body), width: WIDTH, height, alt };
}

/** A numeric profile entry's spread, when the run publishes one (`std` or `sd` on the entry). */
function spreadOf(entry: unknown): number | undefined {
  const record = entry as { std?: unknown; sd?: unknown };
  const value = typeof record.std === 'number' ? record.std : record.sd;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Centroids of the two main features, bubbles sized by share, ±1 sd ellipses when known. */
function featuresChart(run: RunSummary): ChartSvg {
  const [fx, fy] = mainFeatures(run);
  const height = 500;
  if (!fx || !fy) return sizesChart(run);
  const left = 80;
  const right = WIDTH - 200;
  const top = 60;
  const bottom = height - 60;
  const points = run.segments.flatMap((segment) => {
    const ex = segment.profile.find((entry) => entry.feature === fx.name);
    const ey = segment.profile.find((entry) => entry.feature === fy.name);
    if (ex?.kind !== 'numeric' || ey?.kind !== 'numeric') return [];
    return [{ segment, x: ex.mean, y: ey.mean, sx: spreadOf(ex), sy: spreadOf(ey) }];
  });
  const range = (values: number[], mean?: number, std?: number) => {
    let lo = minOf(values);
    let hi = maxOf(values);
    if (mean !== undefined && std !== undefined && std > 0) {
      lo = Math.min(lo, mean - 2 * std);
      hi = Math.max(hi, mean + 2 * std);
    }
    const pad = (hi - lo || 1) * 0.08;
    return [lo - pad, hi + pad] as const;
  };
  const [x0, x1] = range(
    points.flatMap((p) => [p.x - (p.sx ?? 0), p.x + (p.sx ?? 0)]),
    fx.mean,
    fx.std,
  );
  const [y0, y1] = range(
    points.flatMap((p) => [p.y - (p.sy ?? 0), p.y + (p.sy ?? 0)]),
    fy.mean,
    fy.std,
  );
  const px = (value: number) => left + ((value - x0) / (x1 - x0)) * (right - left);
  const py = (value: number) => bottom - ((value - y0) / (y1 - y0)) * (bottom - top);
  let body = `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="#fafafa" stroke="#dddddd"/>`;
  for (const tick of niceTicks(x0, x1)) {
    body += `<line x1="${px(tick).toFixed(1)}" y1="${top}" x2="${px(tick).toFixed(1)}" y2="${bottom}" stroke="#eeeeee"/><text x="${px(tick).toFixed(1)}" y="${bottom + 18}" font-size="12" text-anchor="middle" fill="#616061">${label(tick)}</text>`;
  }
  for (const tick of niceTicks(y0, y1)) {
    body += `<line x1="${left}" y1="${py(tick).toFixed(1)}" x2="${right}" y2="${py(tick).toFixed(1)}" stroke="#eeeeee"/><text x="${left - 8}" y="${(py(tick) + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#616061">${label(tick)}</text>`;
  }
  body += `<text x="${(left + right) / 2}" y="${height - 16}" font-size="14" text-anchor="middle" fill="#1d1c1d">${xml(clip(fx.name, 50))}</text>`;
  body += `<text x="22" y="${(top + bottom) / 2}" font-size="14" text-anchor="middle" fill="#1d1c1d" transform="rotate(-90 22 ${(top + bottom) / 2})">${xml(clip(fy.name, 40))}</text>`;
  for (const p of points) {
    const colour = colourOf(p.segment.index);
    if (p.sx !== undefined && p.sy !== undefined) {
      const rx = Math.abs(px(p.x + p.sx) - px(p.x));
      const ry = Math.abs(py(p.y + p.sy) - py(p.y));
      body += `<ellipse cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}" fill="${colour}" fill-opacity="0.15" stroke="${colour}" stroke-dasharray="4 3"/>`;
    }
    const radius = 6 + Math.sqrt(p.segment.share) * 30;
    body += `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="${radius.toFixed(1)}" fill="${colour}" fill-opacity="0.8" stroke="#ffffff" stroke-width="2"/>`;
    body += `<text x="${px(p.x).toFixed(1)}" y="${(py(p.y) + 5).toFixed(1)}" font-size="13" font-weight="bold" text-anchor="middle" fill="#ffffff">${p.segment.index + 1}</text>`;
  }
  run.segments.slice(0, 14).forEach((segment, i) => {
    const y = top + 10 + i * 24;
    body += `<circle cx="${right + 22}" cy="${y}" r="7" fill="${colourOf(segment.index)}"/><text x="${right + 36}" y="${y + 5}" font-size="13" fill="#1d1c1d">${xml(clip(`${segment.index + 1} · ${segment.persona.name}`, 22))}</text>`;
  });
  const spreadNote = points.some((p) => p.sx !== undefined) ? ' Dashed ellipses: ±1 sd.' : '';
  body += `<text x="${right + 14}" y="${bottom}" font-size="11" fill="#616061">Circle area: share.${spreadNote}</text>`;
  const alt = `${fy.name} against ${fx.name} by segment in ${run.name}: ${points.map((p) => `${p.segment.persona.name} at ${label(p.x)}, ${label(p.y)}`).join('; ')}`;
  return {
    svg: svgDocument(WIDTH, height, `${clip(fx.name, 28)} × ${clip(fy.name, 28)} · ${run.name}`, body),
    width: WIDTH,
    height,
    alt,
  };
}

/** Inertia (elbow, left axis) and silhouette (right axis) per candidate k; the chosen k marked. */
function chooseKChart(run: RunSummary): ChartSvg {
  const candidates = [...(run.chooseK?.candidates ?? [])].sort((a, b) => a.k - b.k);
  if (candidates.length < 2) return sizesChart(run);
  const height = 450;
  const left = 90;
  const right = WIDTH - 90;
  const top = 70;
  const bottom = height - 60;
  const ks = candidates.map((c) => c.k);
  const kMin = minOf(ks);
  const kMax = maxOf(ks);
  const px = (k: number) => left + ((k - kMin) / (kMax - kMin || 1)) * (right - left);
  const inertias = candidates.map((c) => c.inertia);
  const iMax = maxOf(inertias) * 1.05;
  const py = (value: number) => bottom - (value / (iMax || 1)) * (bottom - top);
  const sils = candidates.filter((c) => typeof c.silhouette === 'number');
  const sy = (value: number) => bottom - ((value + 0.1) / 1.1) * (bottom - top);
  let body = `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#999999"/>`;
  const chosen = run.chooseK?.recommendedK ?? run.k;
  body += `<line x1="${px(chosen).toFixed(1)}" y1="${top}" x2="${px(chosen).toFixed(1)}" y2="${bottom}" stroke="#59a14f" stroke-width="2" stroke-dasharray="6 4"/><text x="${(px(chosen) + 6).toFixed(1)}" y="${top + 12}" font-size="13" fill="#59a14f">k = ${chosen}</text>`;
  for (const c of candidates) {
    body += `<text x="${px(c.k).toFixed(1)}" y="${bottom + 18}" font-size="12" text-anchor="middle" fill="#616061">${c.k}</text>`;
  }
  for (const tick of niceTicks(0, iMax, 4)) {
    body += `<text x="${left - 8}" y="${(py(tick) + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#4e79a7">${label(tick)}</text>`;
  }
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    body += `<text x="${right + 8}" y="${(sy(tick) + 4).toFixed(1)}" font-size="12" fill="#f28e2b">${tick}</text>`;
  }
  const path = (points: [number, number][]) =>
    points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  body += `<path d="${path(candidates.map((c) => [px(c.k), py(c.inertia)]))}" fill="none" stroke="#4e79a7" stroke-width="3"/>`;
  if (sils.length > 1) {
    body += `<path d="${path(sils.map((c) => [px(c.k), sy(c.silhouette as number)]))}" fill="none" stroke="#f28e2b" stroke-width="3"/>`;
  }
  body += `<text x="${(left + right) / 2}" y="${height - 18}" font-size="14" text-anchor="middle" fill="#1d1c1d">number of segments (k)</text>`;
  body += `<text x="${left}" y="${top - 12}" font-size="13" fill="#4e79a7">inertia (elbow)</text><text x="${right}" y="${top - 12}" font-size="13" text-anchor="end" fill="#f28e2b">silhouette</text>`;
  const alt = `Choosing k in ${run.name}: ${candidates.map((c) => `k ${c.k} inertia ${label(c.inertia)}${typeof c.silhouette === 'number' ? ` silhouette ${label(c.silhouette)}` : ''}`).join('; ')}; chosen k = ${chosen}`;
  return { svg: svgDocument(WIDTH, height, `Choosing k · ${run.name}`, body), width: WIDTH, height, alt };
}

/** Sizes per persona before and after: a light bar for the earlier run, a solid one for the later. */
function compareChart(from: RunSummary, to: RunSummary): ChartSvg {
  const changes = compareSegments(from, to).slice(0, 16);
  const rowHeight = 40;
  const top = 80;
  const left = 260;
  const barMax = WIDTH - left - 150;
  const height = top + changes.length * rowHeight + 20;
  const largest = maxOf(
    changes.flatMap((c) => [c.before?.size ?? 0, c.after?.size ?? 0]),
    1,
  );
  let body =
    `<rect x="${left}" y="50" width="12" height="12" fill="#bab0ac"/><text x="${left + 18}" y="60" font-size="13" fill="#1d1c1d">${xml(clip(from.name, 28))}</text>` +
    `<rect x="${left + 260}" y="50" width="12" height="12" fill="#4e79a7"/><text x="${left + 278}" y="60" font-size="13" fill="#1d1c1d">${xml(clip(to.name, 28))}</text>`;
  changes.forEach((change, i) => {
    const y = top + i * rowHeight;
    body += `<text x="${left - 10}" y="${y + 22}" font-size="14" text-anchor="end" fill="#1d1c1d">${xml(clip(change.name, 32))}</text>`;
    const bar = (side: { size: number; share: number } | null, dy: number, colour: string) => {
      if (!side) return `<text x="${left + 4}" y="${y + dy + 12}" font-size="12" fill="#616061">—</text>`;
      const width = Math.max(2, (side.size / largest) * barMax);
      return `<rect x="${left}" y="${y + dy}" width="${width.toFixed(1)}" height="15" rx="2" fill="${colour}"/><text x="${(left + width + 6).toFixed(1)}" y="${y + dy + 12}" font-size="12" fill="#616061">${side.size.toLocaleString('en-US')} (${pct(side.share)})</text>`;
    };
    body += bar(change.before, 3, '#bab0ac') + bar(change.after, 20, '#4e79a7');
  });
  const alt = `Segment sizes in ${from.name} and ${to.name}: ${changes.map((c) => `${c.name} ${c.before?.size ?? 'none'} → ${c.after?.size ?? 'none'}`).join(', ')}`;
  return {
    svg: svgDocument(WIDTH, height, `What changed · ${from.name} → ${to.name}`, body),
    width: WIDTH,
    height,
    alt,
  };
}
