import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDelimited, SUMMARY_SHEET_NAME } from '@segments/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import { Cache } from '../standins/apps-script/cache';
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
    // Said in the language in effect (Indonesian, as just saved).
    expect(bad.error).toBe('Bahasa harus auto, en atau id, bukan fr');
  });

  it('writes the k table, its explanations and the progress lines in Indonesian', () => {
    const spreadsheet = mallSpreadsheet('id_ID');
    const addon = loadAddon({ codePath, spreadsheet });
    const puts = vi.spyOn(Cache.prototype, 'put');
    let progress: string[];
    try {
      const reply = addon.runFromSidebar('runSegmentation', {
        ...MALL_OPTIONS,
        k: 'auto',
        progressKey: 'id-run',
      }) as RunReply;
      expect(reply.ok).toBe(true);
      progress = puts.mock.calls
        .filter(([key]) => String(key).endsWith('id-run'))
        .map(([, value]) => (JSON.parse(String(value)) as { message: string }).message);
    } finally {
      puts.mockRestore();
    }
    expect(progress[0]).toBe('Membaca sheet');
    expect(progress).toContain('Mencoba k = 2 (1 dari 9)');
    expect(progress).toContain('Memberi nama segmen');
    expect(progress).toContain('Menulis kolom Segment dan Persona serta sheet Segments');
    expect(progress.at(-1)).toBe('5 segmen');
    const cells = readValues(spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!).flat();
    expect(cells).toContain('Cara k dipilih');
    expect(cells).toEqual(
      expect.arrayContaining([
        'k (jumlah segmen)',
        'Sebaran dalam segmen (inertia)',
        'Keterpisahan (silhouette)',
      ]),
    );
    expect(cells.some((cell) => String(cell).startsWith('Sebaran dalam segmen: total jarak pelanggan'))).toBe(
      true,
    );
    expect(cells.some((cell) => String(cell).startsWith('Keterpisahan: dari −1 sampai 1'))).toBe(true);
    expect(cells.some((cell) => /^Mengapa k = 5: 5 segmen: pelanggan terbagi/.test(String(cell)))).toBe(true);
    // No English sentence of the k section is left.
    expect(cells.some((cell) => /Spread within|Separation:|How k was chosen/.test(String(cell)))).toBe(false);
  });

  it('names a protected range in Indonesian and writes nothing', () => {
    const spreadsheet = mallSpreadsheet('in_ID');
    spreadsheet.getSheetByName('Customers')!.getRange('G1:G300').protect().lockForUser();
    const before = readValues(spreadsheet.getSheetByName('Customers')!);
    const reply = loadAddon({ codePath, spreadsheet }).runFromSidebar('runSegmentation', MALL_OPTIONS) as {
      ok: boolean;
      error: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(
      /^Tidak ada yang ditulis: rentang Customers!G1:G300 diproteksi, padahal kolom Persona ditulis di sana \(Customers!G1:G201\)\./,
    );
    expect(readValues(spreadsheet.getSheetByName('Customers')!)).toEqual(before);
    expect(spreadsheet.getSheets()).toHaveLength(1);
  });

  it('opens the sidebar with its texts in the spreadsheet language, and answers errors in it', () => {
    const spreadsheet = mallSpreadsheet('in_ID');
    const addon = loadAddon({ codePath, spreadsheet });
    addon.globals.showSidebar();
    const page = addon.services.ui.lastSidebar()?.content ?? '';
    const injected = /window\.SIDEBAR_LANGUAGE = (\{.*\});<\/script>/.exec(page)?.[1];
    const language = JSON.parse(injected ?? '{}') as { lang: string };
    expect(language.lang).toBe('id');
    // The page picks its texts by that language from the catalogue the build wrote into it.
    expect(page).toContain('"id":{"decimalMark":",","groupMark":"."');
    expect(page).toContain('"run":"Jalankan"');

    const settings = addon.runFromSidebar('saveSettings', { serverUrl: 'http://segments.example.com' }) as {
      ok: boolean;
      error: string;
    };
    expect(settings).toEqual({
      ok: false,
      error:
        'URL aplikasi Slack harus diawali https:// dan menyebut host, misalnya https://segments.example.com (http:// akan mengirim token tanpa enkripsi)',
    });
    expect((addon.runFromSidebar('publishRun', {}) as { error: string }).error).toMatch(
      /^Untuk memublikasikan, perlu URL aplikasi Slack dan token/,
    );
    expect((addon.runFromSidebar('openSegmentsSheet') as { error: string }).error).toBe(
      'Belum ada sheet Segments: jalankan Segmentasi pelanggan dulu.',
    );
    const run = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply & { runId: string };
    const clash = addon.runFromSidebar('renameSegment', {
      runId: run.runId,
      index: 0,
      name: 'berduit tapi hemat',
    }) as { error: string };
    expect(clash.error).toBe(
      'Segmen 3 sudah bernama "Berduit tapi Hemat"; pilih nama lain supaya keduanya bisa dibedakan.',
    );
    const blank = addon.runFromSidebar('renameSegment', { runId: run.runId, index: 0, name: '  ' }) as {
      error: string;
    };
    expect(blank.error).toContain('Ketik nama untuk segmen ini');
    const tooMany = addon.runFromSidebar('runSegmentation', { ...MALL_OPTIONS, k: 500 }) as { error: string };
    expect(tooMany.error).toBe('k harus "auto" atau bilangan bulat dari 1 sampai 50; yang diberikan 500');
    addon.globals.showHelp();
    const help = addon.services.ui.shown.find((shown) => shown.kind === 'modal');
    expect(help?.title).toBe('Customer Segments — Bantuan');
    expect(help?.content).toContain('mengelompokkan pelanggan yang mirip');
    // The user's own choice wins over the locale, for the texts as well.
    const english = addon.runFromSidebar('saveLanguage', 'en') as { lang: string; setting: string };
    expect(english).toMatchObject({ lang: 'en', setting: 'en' });
    expect((addon.runFromSidebar('openSegmentsSheet') as { ok: boolean }).ok).toBe(true);
  });
});
