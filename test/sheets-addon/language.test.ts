import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDelimited, SUMMARY_SHEET_NAME } from '@segments/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import type { Cell, StandinSpreadsheet } from '../standins/apps-script/spreadsheet';
import { createSpreadsheet, loadAddon, readValues } from './load-addon';

const MALL_OPTIONS = {
  columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
  k: 5,
  scaling: 'none',
  seed: 1,
};

let codePath: string;
let mallCells: Cell[][];

beforeAll(async () => {
  codePath = (await buildAddon({ outDir: await mkdtemp(path.join(tmpdir(), 'addon-lang-')), quiet: true }))
    .codePath;
  const table = parseDelimited(
    await readFile(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  );
  const typed = (cell: unknown) =>
    typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  mallCells = [table.headers, ...table.rows.map((row) => row.map(typed))] as Cell[][];
});

function mallSpreadsheet(locale: string): StandinSpreadsheet {
  const spreadsheet = createSpreadsheet({
    name: 'Mall',
    sheets: { Customers: mallCells.map((row) => [...row]) },
  });
  spreadsheet.setSpreadsheetLocale(locale);
  return spreadsheet;
}

type RunReply = { ok: boolean; segments: { name: string; size: number }[] };

describe('the add-on under an Indonesian spreadsheet locale', () => {
  it('names personas and writes the Segments sheet in Indonesian for in_ID', () => {
    const spreadsheet = mallSpreadsheet('in_ID');
    const addon = loadAddon({ codePath, spreadsheet });
    const reply = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    expect(reply.ok).toBe(true);
    expect(reply.segments.map((segment) => segment.name)).toEqual([
      'Pelanggan Potensial (Menengah)',
      'Pelanggan Premium (VIP)',
      'Berduit tapi Hemat',
      'Pembeli Hemat',
      'Pembeli Impulsif (Boros)',
    ]);
    const customers = readValues(spreadsheet.getSheetByName('Customers')!);
    expect(customers.slice(1).filter((row) => row[6] === 'Berduit tapi Hemat')).toHaveLength(35);
    const summary = readValues(spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!);
    expect(summary[0][0]).toMatch(/^Segmen pelanggan — /);
    const header = summary.find((row) => row[0] === 'Segmen');
    expect(header?.slice(0, 4)).toEqual(['Segmen', 'Persona', 'Pelanggan', 'Porsi']);
    expect(header).toContain('Strategi');
    expect(summary.flat()).toContain('Kualitas segmen');
    expect(
      summary.flat().some((cell) => typeof cell === 'string' && cell.startsWith('Penawaran eksklusif')),
    ).toBe(true);
  });

  it('follows id_ID too, stays English under en_US, and a saved language overrides the locale', () => {
    const indonesian = loadAddon({ codePath, spreadsheet: mallSpreadsheet('id_ID') });
    expect((indonesian.runFromSidebar('getLanguage') as { lang: string }).lang).toBe('id');

    const spreadsheet = mallSpreadsheet('en_US');
    const addon = loadAddon({ codePath, spreadsheet });
    expect((addon.runFromSidebar('getLanguage') as { lang: string; setting: string }).setting).toBe('auto');
    expect((addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply).segments[1].name).toBe(
      'Premium Shoppers (VIP)',
    );
    expect((addon.runFromSidebar('saveLanguage', 'id') as { lang: string }).lang).toBe('id');
    expect((addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply).segments[1].name).toBe(
      'Pelanggan Premium (VIP)',
    );
    const bad = addon.runFromSidebar('saveLanguage', 'fr') as { ok: boolean; error: string };
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('The language must be auto, en or id; got fr');
  });
});
