/**
 * The language of a question from its words: Indonesian and English marker words are counted and
 * the larger count wins; a question with neither (a bare "VIP?", a run id) has no language of its
 * own, and the caller falls back to the user's locale or the default.
 */
import { normalizeText } from '../answers/text-match';
import type { Lang } from './lang';

/** Words that only (or almost only) occur in Indonesian questions. */
const INDONESIAN = new Set(
  `yang apa apakah berapa seberapa siapa mana bagaimana gimana kenapa mengapa untuk bagi dari dengan dan atau
  di ke ini itu kita kami saya aku anda kamu harus sebaiknya perlu bisa dapat adalah ada tidak bukan
  segmen kelompok pelanggan konsumen pembeli strategi tampilkan tunjukkan lihat lihatkan bandingkan
  perbandingan daftar bagikan kirim hubungkan sambungkan jelaskan ringkasan besar kecil banyak terbesar
  terkecil paling hemat boros berduit sultan setia target sasaran sasar targetkan ditargetkan sasarkan
  jumlah ukuran persen porsi cara menjangkau memasarkan tolong mohon dong ya sih nya terbaru terakhir
  sebelumnya diskon promo peluncuran produk baru muda anak premium menengah impulsif pelit irit halo hai
  kabar terima kasih bantuan semua`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that mark an English question. */
const ENGLISH = new Set(
  `the a an is are was were what which who whom how why when where should could would can do does did
  we our us i you your they their of for to in on with and or big many much large largest smallest
  size share strategy segment segments customers customer show list compare target targeting best
  first please tell me about run runs latest previous spenders buyers shoppers frugal`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words both languages share that say nothing about the language. */
const SHARED = new Set(['target', 'premium', 'vip', 'run', 'segment']);

/**
 * The language a question is written in, or undefined when its words do not say.
 * @example detectLanguage('berapa banyak pelanggan hemat?') // 'id'
 */
export function detectLanguage(question: string): Lang | undefined {
  let indonesian = 0;
  let english = 0;
  for (const word of normalizeText(question).split(' ')) {
    if (!word || SHARED.has(word)) continue;
    // Indonesian suffixes: strateginya, segmennya, targetkan.
    const root = word.replace(/(nya|kah|lah)$/, '');
    if (INDONESIAN.has(word) || (root !== word && INDONESIAN.has(root))) indonesian++;
    else if (ENGLISH.has(word)) english++;
  }
  if (indonesian === 0 && english === 0) return undefined;
  return indonesian > english ? 'id' : english > indonesian ? 'en' : undefined;
}

/**
 * True when a question has at least one Indonesian marker word (then its words are rewritten for the
 * engine; a question in plain English reaches the engine exactly as typed).
 * @example hasIndonesianWords('strategi buat VIP') // true
 */
export function hasIndonesianWords(question: string): boolean {
  return normalizeText(question)
    .split(' ')
    .some(
      (word) =>
        word !== '' &&
        !SHARED.has(word) &&
        (INDONESIAN.has(word) || INDONESIAN.has(word.replace(/(nya|kah|lah)$/, ''))),
    );
}
