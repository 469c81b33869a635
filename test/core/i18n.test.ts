import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTranslator,
  detectLanguage,
  formatNumberIn,
  formatPercent,
  langFromEnv,
  langFromLocale,
  localizeRun,
  MESSAGES_EN,
  MESSAGES_ID,
  PERSONAS_ID,
  parseDelimited,
  personaKeySchema,
  recommendK,
  segmentTable,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  parseDelimited(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const mall = fixture('mall_customers.csv');
const columns = ['Annual Income (k$)', 'Spending Score (1-100)'];
const now = new Date('2026-01-01T00:00:00Z');

describe('number formatting per language', () => {
  it('writes Indonesian numbers with a dot for thousands and a comma for decimals', () => {
    expect(formatNumberIn(1234.5, 'id')).toBe('1.235');
    expect(formatNumberIn(86.54, 'id')).toBe('86,5');
    expect(formatNumberIn(4950000, 'id')).toBe('4.950.000');
    expect(formatPercent(0.195, 'id')).toBe('19,5%');
    expect(createTranslator('id').fixed(1234.5, 1)).toBe('1.234,5');
  });

  it('keeps English numbers as before', () => {
    expect(formatNumberIn(1234.5, 'en')).toBe('1,235');
    expect(formatNumberIn(86.54, 'en')).toBe('86.5');
    expect(formatPercent(0.195, 'en')).toBe('19.5%');
  });
});

describe('choosing the language', () => {
  it('reads Indonesian from spreadsheet locales and POSIX environments', () => {
    expect(['in_ID', 'id_ID', 'id', 'id-ID'].map(langFromLocale)).toEqual(['id', 'id', 'id', 'id']);
    expect(['en_US', 'de_DE', '', undefined].map(langFromLocale)).toEqual(['en', 'en', 'en', 'en']);
    expect(langFromEnv({ LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(langFromEnv({ LANG: 'id_ID.UTF-8', LC_ALL: 'C' })).toBe('en');
  });

  it('detects the language of a question from its words, and says nothing for a bare name', () => {
    expect(detectLanguage('berapa banyak pelanggan hemat?')).toBe('id');
    expect(detectLanguage('how big is the VIP segment?')).toBe('en');
    expect(detectLanguage('berapa banyak VIP customers?')).toBe('id');
    expect(detectLanguage('VIP?')).toBeUndefined();
  });
});

describe('the message catalogue', () => {
  it('has an Indonesian message for every English key and an Indonesian persona for every playbook key', () => {
    expect(Object.keys(MESSAGES_ID).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
    const playbookKeys = personaKeySchema.options.filter((key) => key !== 'custom');
    expect(Object.keys(PERSONAS_ID).sort()).toEqual([...playbookKeys].sort());
  });

  it('words the reason for k in Indonesian with Indonesian decimals', () => {
    const candidates = [
      { k: 2, inertia: 100, silhouette: 0.5 },
      { k: 3, inertia: 40, silhouette: 0.6 },
      { k: 4, inertia: 35, silhouette: 0.5 },
    ];
    expect(recommendK(candidates, 200, 'id').reason).toBe(
      '3 segmen: pelanggan terbagi dengan jelas ke dalam 3 kelompok — silhouette terbaik untuk k = 2–4 (0,60; 1 berarti terpisah sempurna) — dan ini juga siku kurva, titik di mana menambah segmen tidak lagi sepadan.',
    );
    expect(recommendK(candidates, 200).reason).toContain('3 segments: customers fall clearly into 3 groups');
  });
});

describe('segmentTable with lang', () => {
  const english = segmentTable(mall, { k: 5, scaling: 'none', columns, now, id: 'r' });
  const indonesian = segmentTable(mall, { k: 5, scaling: 'none', columns, now, id: 'r', lang: 'id' });

  it('names the Mall personas in Indonesian with the same sizes, keys and priorities', () => {
    expect(indonesian.lang).toBe('id');
    expect(indonesian.segments.map((segment) => segment.persona.name)).toEqual([
      'Pelanggan Potensial (Menengah)',
      'Pelanggan Premium (VIP)',
      'Berduit tapi Hemat',
      'Pembeli Hemat',
      'Pembeli Impulsif (Boros)',
    ]);
    const facts = (run: typeof english) =>
      run.segments.map((segment) => [segment.size, segment.persona.key, segment.persona.priority]);
    expect(facts(indonesian)).toEqual(facts(english));
  });

  it('writes summaries, strategies and reasons in Indonesian', () => {
    const vip = indonesian.segments[1].persona;
    expect(vip.summary).toBe(
      '39 pelanggan (19,5%): Annual Income tinggi (rata-rata 86,5), Spending Score tinggi (rata-rata 82,1).',
    );
    expect(vip.strategy).toMatch(/^Penawaran eksklusif dan keanggotaan/);
    expect(vip.reason).toBe(
      '19,5% pelanggan, 31,9% dari total belanja; belanja 82,1 per pelanggan, dibanding rata-rata 50,2: nilai harapan tertinggi (ukuran × belanja).',
    );
  });

  it('re-words an Indonesian run in English exactly as the English run reads', () => {
    const back = localizeRun(indonesian, 'en');
    expect(back.segments.map((segment) => segment.persona)).toEqual(
      english.segments.map((segment) => segment.persona),
    );
  });

  it('names RFM segments from an orders log in Indonesian', () => {
    const run = segmentTable(fixture('orders_small.csv'), { now, lang: 'id' });
    const names = run.segments.map((segment) => segment.persona.name);
    expect(names).toContain('Pelanggan Juara');
    const champions = run.segments.find((segment) => segment.persona.key === 'rfm-champions');
    expect(champions?.persona.summary).toMatch(
      /^Baru saja belanja, sering belanja dan belanjanya paling besar\. R5/,
    );
    expect(champions?.persona.reason).toMatch(/pendapatan; segmen RFM bernilai tinggi/);
  });

  it('names customer-table personas in Indonesian, keeping the category they lean to', () => {
    const run = segmentTable(fixture('store_customers.csv'), { now, lang: 'id' });
    const englishRun = segmentTable(fixture('store_customers.csv'), { now });
    const lapsed = englishRun.segments.findIndex((segment) => segment.persona.key === 'lapsed');
    expect(englishRun.segments[lapsed].persona.name).toBe('Lapsed Customers (Hats-Heavy)');
    expect(run.segments[lapsed].persona.name).toBe('Pelanggan Tidak Aktif (fokus Hats)');
    expect(run.segments[lapsed].persona.strategy).toContain('Tonjolkan Hats');
  });

  it('rejects an unknown language naming the option', () => {
    expect(() => segmentTable(mall, { k: 5, columns, lang: 'fr' as 'id' })).toThrow(
      'lang must be one of en, id; got fr',
    );
  });
});

describe('notes on the rows and values used, in the run language', () => {
  // 8 customers; rows 3 and 6 have no Income, row 5 no Plan.
  const table = parseDelimited(
    [
      'Income,Spending,Plan',
      '20,30,Basic',
      ',35,Basic',
      '25,40,Basic',
      '80,85,',
      '90,80,Pro',
      ',90,Pro',
      '1500.5,20,Pro',
      '1600,25,Pro',
    ].join('\n'),
    { source: 'notes.csv' },
  );

  it('says in Indonesian which rows were left out, with Indonesian numbers', () => {
    const run = segmentTable(table, { k: 2, columns: ['Income', 'Spending'], lang: 'id' });
    // Named in Indonesian too: the run keeps the language it was named in.
    expect(run.name).toMatch(/^tabel · 2 segmen · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(run.preprocessing.notes).toContain(
      '2 dari 8 baris tidak diikutkan karena ada kolom terpilih yang kosong (Income 2); pilih missing: impute untuk mengisinya.',
    );
    const english = segmentTable(table, { k: 2, columns: ['Income', 'Spending'] });
    expect(english.preprocessing.notes).toContain(
      '2 of 8 rows were left out because a chosen column was empty (Income 2); choose missing: impute to fill them in instead.',
    );
  });

  it('says in Indonesian which empty values were filled in, and with what', () => {
    const run = segmentTable(table, {
      k: 2,
      columns: ['Income', 'Spending', 'Plan'],
      missing: 'impute',
      lang: 'id',
    });
    // The mean of 20, 25, 80, 90, 1500.5 and 1600 is 552.583…: 552,58 with a decimal comma.
    expect(run.preprocessing.notes).toContain('2 nilai Income yang kosong diisi dengan rata-rata (552,58).');
    expect(run.preprocessing.notes).toContain(
      '1 nilai Plan yang kosong diisi dengan nilai yang paling sering muncul ("Pro").',
    );
  });
});
