/**
 * Indonesian question words as data: each phrase and the English words the answer engine
 * understands for it ("berapa banyak" → "how many", "sultan" → "vip", "sasaran" → "target"), or
 * nothing for words that carry no meaning for the engine ("yang", "dong"). {@link canonicalQuestion}
 * rewrites an Indonesian or mixed question with them, leaving run names and unknown words as typed,
 * so one engine understands both languages and mixed questions ("strategi buat VIP segment?").
 */
import { normalizeText } from '../answers/text-match';

/** [Indonesian phrase, English words] — the phrase normalised (lower case, no punctuation). */
export const INDONESIAN_QUESTION_WORDS: readonly (readonly [string, string])[] = [
  // Size, share and extremes.
  ['berapa banyak', 'how many'],
  ['berapa besar', 'how big'],
  ['seberapa besar', 'how big'],
  ['seberapa banyak', 'how many'],
  ['ada berapa', 'how many'],
  ['berapa persen', 'what share of'],
  ['berapa', 'how many'],
  ['jumlah', 'number of'],
  ['ukuran', 'size'],
  ['besarnya', 'size'],
  ['persentase', 'percent'],
  ['persen', 'percent'],
  ['porsi', 'share of'],
  ['proporsi', 'proportion'],
  ['paling besar', 'largest'],
  ['paling banyak', 'largest'],
  ['terbesar', 'largest'],
  ['terbanyak', 'largest'],
  ['paling kecil', 'smallest'],
  ['paling sedikit', 'smallest'],
  ['terkecil', 'smallest'],
  ['tersedikit', 'smallest'],
  // Targeting.
  ['siapa yang harus', 'who should'],
  ['siapa yang sebaiknya', 'who should'],
  ['siapa yang perlu', 'who should'],
  ['siapa', 'who should'],
  ['segmen mana', 'which segment'],
  ['kelompok mana', 'which group'],
  ['persona mana', 'which persona'],
  ['pelanggan mana', 'which customers'],
  ['mana yang', 'which segment'],
  ['targetkan', 'target'],
  ['menargetkan', 'target'],
  ['ditargetkan', 'target'],
  ['ditarget', 'target'],
  ['sasaran', 'target'],
  ['sasar', 'target'],
  ['menyasar', 'target'],
  ['disasar', 'target'],
  ['bidik', 'target'],
  ['membidik', 'target'],
  ['dibidik', 'target'],
  ['fokus', 'focus on'],
  ['prioritaskan', 'prioritise'],
  ['diprioritaskan', 'prioritise'],
  ['prioritas', 'prioritise'],
  ['rekomendasikan', 'recommend'],
  ['rekomendasi', 'recommend'],
  ['sarankan', 'recommend'],
  ['disarankan', 'recommend'],
  ['terbaik', 'best segment'],
  // Strategy.
  ['strategi', 'strategy'],
  ['strateginya', 'strategy'],
  ['pendekatan', 'approach'],
  ['taktik', 'tactic'],
  ['bagaimana cara menjangkau', 'how to reach'],
  ['cara menjangkau', 'how to reach'],
  ['cara memasarkan ke', 'how to market'],
  ['cara memasarkan', 'how to market'],
  ['cara mendekati', 'how to approach'],
  ['cara melayani', 'how to treat'],
  ['cara menangani', 'how to handle'],
  ['apa yang harus kita tawarkan', 'what should we offer'],
  ['apa yang sebaiknya kita tawarkan', 'what should we offer'],
  ['apa yang harus kita lakukan', 'what should we do'],
  ['apa yang sebaiknya dilakukan', 'what should we do'],
  // Compare, show, list, share, connect, help.
  ['bandingkan', 'compare'],
  ['membandingkan', 'compare'],
  ['dibandingkan', 'compare'],
  ['perbandingan', 'comparison'],
  ['perbedaan', 'difference'],
  ['bedanya', 'difference'],
  ['beda', 'difference'],
  ['perubahan', 'changes'],
  ['berubah', 'changed'],
  ['tampilkan', 'show'],
  ['tunjukkan', 'show'],
  ['perlihatkan', 'show'],
  ['lihat', 'show'],
  ['ringkasan', 'summary'],
  ['ringkas', 'summary'],
  ['rangkum', 'summarise'],
  ['jelaskan', 'describe'],
  ['detail', 'details'],
  ['rincian', 'details'],
  ['hasil', 'results'],
  ['daftar semua run', 'list runs'],
  ['daftar run', 'list runs'],
  ['semua run', 'runs'],
  ['daftar', 'list'],
  ['riwayat', 'history'],
  ['bagikan', 'share'],
  ['kirim', 'send'],
  ['kirimkan', 'send'],
  ['posting', 'post'],
  ['ke channel', 'to channel'],
  ['ke kanal', 'to channel'],
  ['tim', 'team'],
  ['hubungkan', 'connect'],
  ['menghubungkan', 'connect'],
  ['sambungkan', 'connect'],
  ['menyambungkan', 'connect'],
  ['koneksi', 'connect'],
  ['pasang', 'install'],
  ['bantuan', 'help'],
  ['halo', 'hello'],
  ['hai', 'hi'],
  // Runs.
  ['terbaru', 'latest'],
  ['terakhir', 'latest'],
  ['paling baru', 'latest'],
  ['sebelumnya', 'previous'],
  ['yang lalu', 'previous'],
  ['lama', 'previous'],
  ['dengan', 'with'],
  // Campaign goals.
  ['potongan harga', 'discount'],
  ['diskon', 'discount'],
  ['promo', 'promo'],
  ['kupon', 'coupon'],
  ['obral', 'clearance'],
  ['loyalitas', 'loyalty'],
  ['keanggotaan', 'membership'],
  ['poin', 'points'],
  ['hadiah', 'reward'],
  ['peluncuran produk premium', 'premium launch'],
  ['peluncuran produk', 'product launch'],
  ['produk baru', 'new product'],
  ['peluncuran', 'launch'],
  ['meluncurkan', 'launch'],
  ['eksklusif', 'exclusive'],
  ['mewah', 'luxury'],
  ['retensi', 'retention'],
  ['mempertahankan', 'retain'],
  ['pertahankan', 'retain'],
  ['reaktivasi', 'reactivation'],
  ['aktifkan kembali', 'reactivate'],
  ['mengaktifkan kembali', 'reactivate'],
  ['menarik kembali', 'win back'],
  ['media sosial', 'social media'],
  ['medsos', 'social media'],
  ['sosmed', 'social media'],
  ['naik kelas', 'upsell'],
  // Personas: the Indonesian names and the words marketers use for them.
  ['pelanggan premium', 'vip'],
  ['sultan', 'vip'],
  ['crazy rich', 'vip'],
  ['orang kaya', 'vip'],
  ['kaya', 'vip'],
  ['berduit tapi hemat', 'miser'],
  ['berduit tapi pelit', 'miser'],
  ['berduit', 'miser'],
  ['pelit', 'miser'],
  ['perhitungan', 'miser'],
  ['pembeli impulsif', 'impulse'],
  ['impulsif', 'impulse'],
  ['boros', 'careless'],
  ['konsumtif', 'careless'],
  ['pembeli hemat', 'sensible'],
  ['hemat', 'sensible'],
  ['irit', 'sensible'],
  ['pelanggan potensial', 'standard'],
  ['menengah', 'standard'],
  ['potensial', 'standard'],
  ['rata rata', 'average'],
  ['anak muda antusias', 'young'],
  ['anak muda', 'young'],
  ['muda', 'young'],
  ['milenial', 'young'],
  ['pelanggan juara', 'champions'],
  ['juara', 'champions'],
  ['calon pelanggan setia', 'potential loyalists'],
  ['pelanggan setia', 'loyal'],
  ['setia', 'loyal'],
  ['pembelanja besar yang mulai menjauh', 'at risk'],
  ['mulai menjauh', 'slipping'],
  ['pembelanja besar', 'heavy spenders'],
  ['pelanggan tidak aktif', 'lapsed'],
  ['tidak aktif', 'inactive'],
  ['pelanggan baru', 'new customers'],
  ['pembeli sesekali', 'occasional'],
  ['sesekali', 'occasional'],
  ['penggemar', 'fans'],
  ['pencilan', 'outliers'],
  ['jangan sampai lepas', 'cant lose'],
  ['berisiko pergi', 'at risk'],
  ['berisiko', 'at risk'],
  ['menjanjikan', 'promising'],
  ['perlu perhatian', 'need attention'],
  ['mulai pasif', 'about to sleep'],
  ['lama tidak belanja', 'hibernating'],
  ['pelanggan hilang', 'lost'],
  ['hilang', 'lost'],
  // Segments and customers.
  ['segmen', 'segment'],
  ['kelompok', 'group'],
  ['klaster', 'cluster'],
  ['pelanggan', 'customers'],
  ['konsumen', 'customers'],
  ['pembeli', 'customers'],
  ['pertama', 'first'],
  ['kedua', 'second'],
  ['ketiga', 'third'],
  ['keempat', 'fourth'],
  ['kelima', 'fifth'],
  ['keenam', 'sixth'],
  ['ketujuh', 'seventh'],
  ['kedelapan', 'eighth'],
  ['kesembilan', 'ninth'],
  ['kesepuluh', 'tenth'],
  ['nomor', 'number'],
  ['paling berharga', 'best segment'],
  ['paling menguntungkan', 'best segment'],
  ['masing masing', ''],
  ['semua', ''],
  ['setiap', ''],
  ['tiap', ''],
  ['utama', ''],
  // Words that carry no meaning for the engine.
  ...`yang di ke dari untuk bagi buat kita kami saya aku anda kamu kalian apa apakah adalah ialah ini itu
  dan atau ada punya harus sebaiknya perlu bisa dapat akan sih dong ya deh nih kah pada dalam sama juga
  saja aja sudah udah belum lebih paling mohon tolong coba bagaimana gimana kalau kalo sebagai jadi oleh
  tentang kampanye segmentasi seperti berapakah mana masuk termasuk besar kecil banyak sedikit`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [word, ''] as const),
];

interface Phrase {
  words: string[];
  english: string;
}

/** "segmen ketiga" is "the third segment": Indonesian puts the ordinal after the noun. */
const ORDINAL_SEGMENTS: readonly (readonly [string, string])[] = INDONESIAN_QUESTION_WORDS.filter(([word]) =>
  /^(pertama|ke(dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh))$/.test(word),
).flatMap(([word, english]) => [
  [`segmen ${word}`, `${english} segment`] as const,
  [`kelompok ${word}`, `${english} group`] as const,
]);

const PHRASES: Phrase[] = [...INDONESIAN_QUESTION_WORDS, ...ORDINAL_SEGMENTS]
  .map(([indonesian, english]) => ({
    words: indonesian.split(' '),
    english,
  }))
  .sort((a, b) => b.words.length - a.words.length);

const FIRST_WORDS = new Set(PHRASES.map((phrase) => phrase.words[0]));

/**
 * The question with its Indonesian words in the engine's English: phrases are replaced longest
 * first, "-nya" endings are dropped when the root is known (strateginya, segmennya), and words
 * inside a run's name (`protect`) stay as typed.
 * @param protect names and ids of the runs, whose words are never rewritten
 * @example canonicalQuestion('Berapa banyak pelanggan yang hemat?') // 'how many customers sensible'
 */
export function canonicalQuestion(question: string, protect: readonly string[] = []): string {
  const words = normalizeText(question).split(' ').filter(Boolean);
  const kept = words.map(() => false);
  for (const name of protect) {
    const nameWords = normalizeText(name).split(' ').filter(Boolean);
    if (nameWords.length === 0) continue;
    for (let start = 0; start + nameWords.length <= words.length; start++) {
      if (nameWords.every((word, offset) => words[start + offset] === word))
        for (let i = start; i < start + nameWords.length; i++) kept[i] = true;
    }
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    if (kept[i]) {
      out.push(words[i]);
      i++;
      continue;
    }
    const phrase = PHRASES.find(
      (candidate) =>
        FIRST_WORDS.has(words[i]) &&
        candidate.words.every((word, offset) => words[i + offset] === word && !kept[i + offset]),
    );
    if (phrase) {
      if (phrase.english) out.push(phrase.english);
      i += phrase.words.length;
      continue;
    }
    const root = words[i].length > 5 ? words[i].replace(/(nya|kah|lah)$/, '') : words[i];
    const single =
      root !== words[i] ? PHRASES.find((c) => c.words.length === 1 && c.words[0] === root) : undefined;
    if (single) {
      if (single.english) out.push(single.english);
    } else out.push(words[i]);
    i++;
  }
  return out.join(' ');
}
