/**
 * Questions in Bahasa Indonesia and mixed Indonesian/English over the Mall run (income × spending,
 * k = 5, no scaling — the seeds' five personas): each gets the right intent and segment, and its
 * answer reads in Indonesian. Segments of that run, by number: 1 Pelanggan Potensial (Menengah) 81,
 * 2 Pelanggan Premium (VIP) 39, 3 Berduit tapi Hemat 35, 4 Pembeli Hemat 23, 5 Pembeli Impulsif (Boros)
 * 22; targeting order VIP, Boros, Menengah, Berduit tapi Hemat, Hemat.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Answer, answerQuestion, parseDelimited, segmentTable, toRunSummary } from '@segments/core';
import { describe, expect, it } from 'vitest';

const mall = parseDelimited(readFileSync(join(__dirname, '..', 'fixtures', 'mall_customers.csv'), 'utf8'));
const columns = ['Annual Income (k$)', 'Spending Score (1-100)'];
// The latest run was named in Indonesian, the previous one in English: answers re-word either.
const latest = toRunSummary(
  segmentTable(mall, {
    k: 5,
    scaling: 'none',
    columns,
    lang: 'id',
    id: 'r-2026',
    name: 'mall-2026',
    now: new Date('2026-02-01T00:00:00Z'),
  }),
);
const previous = toRunSummary(
  segmentTable(mall, {
    k: 4,
    scaling: 'none',
    columns,
    id: 'r-2025',
    name: 'mall-2025',
    now: new Date('2025-12-01T00:00:00Z'),
  }),
);
const runs = [latest, previous];

/** [question, intent, segment number (1-based) or null, words the Indonesian answer contains]. */
const TABLE: [string, Answer['intent'], number | null, string][] = [
  // Size and share.
  [
    'berapa banyak pelanggan hemat?',
    'size',
    4,
    'Pembeli Hemat (segmen 4) berisi 23 pelanggan, 11,5% dari 200',
  ],
  ['Berapa persen pelanggan yang hemat?', 'size', 4, '11,5%'],
  ['seberapa besar segmen VIP?', 'size', 2, 'Pelanggan Premium (VIP) (segmen 2) berisi 39 pelanggan, 19,5%'],
  ['berapa jumlah pelanggan sultan?', 'size', 2, '39 pelanggan'],
  ['ada berapa pembeli boros?', 'size', 5, 'Pembeli Impulsif (Boros) (segmen 5) berisi 22 pelanggan, 11,0%'],
  ['ukuran segmen 3', 'size', 3, 'Berduit tapi Hemat (segmen 3) berisi 35 pelanggan'],
  [
    'berapa besar kelompok menengah?',
    'size',
    1,
    '81 pelanggan, 40,5% dari 200 pelanggan di run mall-2026. Ini segmen terbesar.',
  ],
  ['berapa pelanggan berduit tapi hemat?', 'size', 3, '35 pelanggan, 17,5%'],
  ['Berapa besar segmen Miser?', 'size', 3, 'Berduit tapi Hemat'],
  ['segmen terbesar yang mana?', 'size', 1, 'Ini segmen terbesar'],
  ['segmen mana yang paling kecil?', 'size', 5, 'Pembeli Impulsif (Boros) (segmen 5) berisi 22 pelanggan'],
  ['ukuran semua segmen', 'size', null, 'Run mall-2026 berisi 200 pelanggan dalam 5 segmen'],
  ['berapa besar segmen 9?', 'size', null, 'Run mall-2026 tidak punya segmen 9; run ini punya 5 segmen'],
  // Targeting, overall and for a goal.
  [
    'siapa yang harus kita target?',
    'target',
    2,
    'Targetkan Pelanggan Premium (VIP) (segmen 2) lebih dulu di run mall-2026',
  ],
  [
    'segmen mana yang sebaiknya ditargetkan?',
    'target',
    2,
    'Pilihan kedua: Pembeli Impulsif (Boros) (segmen 5)',
  ],
  ['siapa sasaran utama kita?', 'target', 2, 'prioritas pertama (ukuran × nilai)'],
  ['fokus ke segmen mana?', 'target', 2, 'Alasannya: 19,5% pelanggan, 31,9% dari total belanja'],
  ['siapa pelanggan paling berharga?', 'target', 2, 'Pelanggan Premium (VIP)'],
  [
    'sasaran kampanye diskon?',
    'target',
    5,
    'Untuk kampanye diskon, targetkan Pembeli Impulsif (Boros) (segmen 5)',
  ],
  ['siapa yang cocok untuk promo?', 'target', 5, 'Persona ini paling cocok untuk kampanye diskon'],
  [
    'target untuk program loyalitas',
    'target',
    1,
    'Untuk program loyalitas, targetkan Pelanggan Potensial (Menengah)',
  ],
  [
    'siapa yang harus ditarget untuk peluncuran produk premium?',
    'target',
    2,
    'Untuk peluncuran produk premium, targetkan Pelanggan Premium (VIP)',
  ],
  [
    'rekomendasi segmen untuk kampanye media sosial',
    'target',
    5,
    'Untuk kampanye media sosial, targetkan Pembeli Impulsif (Boros)',
  ],
  ['segmen mana untuk retensi pelanggan?', 'target', 2, 'Untuk retensi pelanggan'],
  // Strategy.
  [
    'strategi untuk pembeli boros',
    'strategy',
    5,
    'Strategi untuk Pembeli Impulsif (Boros) (segmen 5) di run mall-2026: Flash sale dan diskon',
  ],
  ['apa strategi untuk pelanggan VIP?', 'strategy', 2, 'Penawaran eksklusif dan keanggotaan'],
  ['strateginya untuk segmen 3 apa?', 'strategy', 3, 'Insentif loyalitas'],
  ['segmen kedua strateginya apa', 'strategy', 2, 'berada di urutan ke-1 untuk ditargetkan'],
  ['cara memasarkan ke pelanggan hemat', 'strategy', 4, 'Promosi berbiaya rendah'],
  ['apa yang harus kita tawarkan ke pelanggan menengah?', 'strategy', 1, 'Rawat dan libatkan'],
  ['strategi semua segmen', 'strategy', null, 'Strategi di run mall-2026, urut menurut prioritas target'],
  [
    'pendekatan untuk pelanggan berduit?',
    'strategy',
    3,
    'Profil: 35 pelanggan (17,5%): Annual Income tinggi (rata-rata 88,2)',
  ],
  // Show, list, compare, share, connect, help.
  ['tampilkan run terbaru', 'show', null, 'membagi 200 pelanggan ke dalam 5 segmen dengan k-means'],
  ['ringkasan run mall-2026', 'show', null, 'Target pertama: Pelanggan Premium (VIP).'],
  ['tampilkan run sebelumnya', 'show', null, 'Run mall-2025 (id r-2025, dibuat 2025-12-01)'],
  ['daftar run', 'list', null, 'Ada 2 run, dari yang terbaru:'],
  [
    'bandingkan run terbaru dengan sebelumnya',
    'compare',
    null,
    'Membandingkan run mall-2025 (2025-12-01) dengan run mall-2026 (2026-02-01)',
  ],
  ['apa bedanya dengan run sebelumnya?', 'compare', null, 'sekarang 200 pelanggan dalam 5 segmen'],
  ['bagikan run terbaru ke channel', 'share', null, 'Membagikan run mall-2026 ke channel.'],
  ['bagaimana cara menghubungkan add-on?', 'connect', null, 'Untuk menghubungkan add-on Google Sheets'],
  ['bantuan', 'help', null, 'Saya bisa bantu.'],
  ['apa kabar dunia', 'unknown', null, 'Maaf, saya belum memahami "apa kabar dunia"'],
  // Mixed Indonesian and English (mostly Indonesian, so answered in Indonesian).
  ['berapa banyak VIP customers?', 'size', 2, 'berisi 39 pelanggan'],
  ['berapa banyak Budget Shoppers?', 'size', 4, 'Pembeli Hemat (segmen 4) berisi 23 pelanggan'],
  ['target segmen mana for diskon?', 'target', 5, 'Untuk kampanye diskon'],
  ['strategi buat Impulse Buyers dong', 'strategy', 5, 'Flash sale dan diskon'],
  ['show strategi pelanggan boros', 'strategy', 5, 'Strategi untuk Pembeli Impulsif (Boros)'],
  ['which segment harus kita sasar?', 'target', 2, 'Targetkan Pelanggan Premium (VIP)'],
];

describe('answerQuestion in Bahasa Indonesia', () => {
  it('has a table of at least 40 Indonesian and mixed questions', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)(
    'understands %j as %s about segment %s, in Indonesian',
    (question, intent, segment, words) => {
      const answer = answerQuestion(question, { runs, surface: 'slack' });
      expect(answer.intent).toBe(intent);
      expect(answer.segment ? answer.segment.index + 1 : null).toBe(segment);
      expect(answer.lang).toBe('id');
      expect(answer.text).toContain(words);
    },
  );

  it('answers the same Indonesian-named run in English when asked in English', () => {
    const answer = answerQuestion('how big is the VIP segment?', { runs });
    expect(answer.lang).toBeUndefined();
    expect(answer.segment?.name).toBe('Premium Shoppers (VIP)');
    expect(answer.text).toBe(
      'Premium Shoppers (VIP) (segment 2) has 39 customers, 19.5% of the 200 in run mall-2026.',
    );
  });

  it('falls back to the user locale for a question whose words do not say, and obeys a forced language', () => {
    expect(answerQuestion('VIP?', { runs, defaultLang: 'id' }).text).toContain('Pelanggan Premium (VIP)');
    expect(answerQuestion('VIP?', { runs }).text).toContain('Premium Shoppers (VIP)');
    const forced = answerQuestion('how big is the VIP segment?', { runs, lang: 'id' });
    expect(forced.text).toContain('berisi 39 pelanggan, 19,5%');
  });

  it('gives Indonesian example questions with help', () => {
    const help = answerQuestion('bantuan', { runs, surface: 'cli' });
    expect(help.examples).toContain('daftar run');
    expect(help.text).toContain('segments ask "pertanyaan Anda"');
  });
});
