/**
 * Katalog pesan Bahasa Indonesia: every key of the English catalogue (messages-en.ts), worded for an
 * Indonesian marketer. Indonesian puts the adjective after the noun ("Annual Income tinggi"), has no
 * plural -s ("39 pelanggan") and writes numbers as 1.234,5 (see number-format.ts).
 */
import type { Messages } from './messages-en';

const LEVELS = { high: 'tinggi', low: 'rendah', average: 'sedang' } as const;

const GOALS: Record<string, string> = {
  discount: 'kampanye diskon',
  loyalty: 'program loyalitas',
  'premium launch': 'peluncuran produk premium',
  upsell: 'upselling',
  retention: 'retensi pelanggan',
  reactivation: 'reaktivasi pelanggan',
  social: 'kampanye media sosial',
};

export const MESSAGES_ID: Messages = {
  level: (level) => LEVELS[level],
  numericPart: (level, label, mean) => `${label} ${level} (rata-rata ${mean})`,
  categoricalPart: (label, top, percent) => `${label} sebagian besar ${top} (${percent})`,
  summary: (customers, share, parts) => `${customers} pelanggan (${share}): ${parts.join(', ')}.`,
  outlierName: (_size, count) => `Pencilan (${count} pelanggan)`,
  unusual: (note) => `Tidak biasa: ${note}.`,
  outlierNotePart: (label, value, average) => `${label} ${value}, padahal rata-ratanya ${average}`,
  outlierNoteNone: () => 'kelompok kecil yang kombinasi cirinya jauh dari yang lain',
  trait: (role, high, label) => {
    switch (role) {
      case 'age':
        return high ? 'usia lebih tua' : 'usia lebih muda';
      case 'income':
        return high ? 'berpenghasilan tinggi' : 'berpenghasilan rendah';
      case 'spending':
        return high ? 'belanja tinggi' : 'belanja rendah';
      case 'frequency':
        return high ? 'sering belanja' : 'jarang belanja';
      case 'count':
        return `${label} ${high ? 'banyak' : 'sedikit'}`;
      case 'recency':
        return high ? 'mulai jarang kembali' : 'baru-baru ini aktif';
      case 'tenure':
        return high ? 'pelanggan lama' : 'pelanggan lebih baru';
      case 'family':
        return `${label} ${high ? 'lebih banyak' : 'lebih sedikit'}`;
      case 'mix':
        return high ? `banyak ${label.replace(/ share$/, '')}` : `sedikit ${label.replace(/ share$/, '')}`;
      default:
        return `${label} ${high ? 'tinggi' : 'rendah'}`;
    }
  },
  categoricalTrait: (label, top) => `sebagian besar ${label} ${top}`,
  descriptiveName: (traits) => {
    if (traits.length === 0) return 'Pelanggan Umum';
    return `Pelanggan ${traits.join(', ')}`;
  },
  withDominant: (name, dominant) => `${name} (fokus ${dominant})`,
  dominantPattern: () => /^(.*) \(fokus (.+)\)$/,
  categoryFans: (label) => `Penggemar ${label}`,
  categoryFansPattern: () => /^Penggemar (.+)$/,
  customStrategy: (focus) =>
    focus
      ? `Uji kampanye terarah: bangun kampanye di sekitar ciri khas kelompok ini (${focus}) dan ukur responsnya sebelum diperbesar.`
      : 'Uji kampanye terarah: coba kampanye kecil dan ukur responsnya sebelum diperbesar.',
  and: () => 'dan',
  leadWith: (dominant) =>
    `Tonjolkan ${dominant}: porsinya dalam belanja mereka lebih besar daripada rata-rata.`,
  notablePart: (label, rate, overall) => `${label} ${rate}, dibanding ${overall} secara keseluruhan`,
  notable: (parts) => `Perlu dicatat: ${parts.join('; ')}.`,
  rfmSummaryTail: (score, days, orders, spent) =>
    `${score}: rata-rata pesanan terakhir ${days} hari lalu, ${orders} pesanan dan belanja ${spent} per pelanggan.`,
  rfmReason: (share, revenueShare, highValue, score) =>
    `${share} pelanggan, ${revenueShare} pendapatan; segmen RFM bernilai ${highValue ? 'tinggi' : 'lebih rendah'} (${score}).`,

  valueLabel: (label) => (label === 'spending' ? 'belanja' : 'penghasilan'),
  reasonCustomers: (share) => `${share} pelanggan`,
  reasonValueShare: (share, label) => `, ${share} dari total ${label}`,
  reasonPerCustomer: (value, label, average, outliersAside) =>
    `${label} ${value} per pelanggan, dibanding rata-rata ${average}${outliersAside ? ' (tanpa pencilan)' : ''}`,
  reasonResponse: (rate, overall) => `tingkat respons ${rate}, dibanding ${overall} secara keseluruhan`,
  verdictOutliers: () => 'pencilan: terlalu sedikit pelanggan untuk dijadikan target sebagai segmen',
  verdictBelowAverage: (label) => `${label} per pelanggan di bawah rata-rata, jadi bukan target pertama`,
  verdictBest: (label, withResponse) =>
    `nilai harapan tertinggi (ukuran × ${label}${withResponse ? ' × respons' : ''})`,
  verdictLargest: () => 'segmen terbesar (tidak ada kolom belanja atau penghasilan untuk menimbang nilai)',
  verdictRank: (priority) => `peringkat ${priority} menurut nilai harapan`,
  reason: (parts, verdict) => `${parts.join('; ')}: ${verdict}.`,

  kElbowOnly: (elbow, n) =>
    `${elbow} segmen: di titik ini menambah segmen tidak lagi banyak mengurangi sebaran di dalam segmen (siku kurva); dengan ${n} baris skor keterpisahan tidak bisa dihitung.`,
  kStrength: (strength) =>
    strength === 'clearly' ? 'dengan jelas' : strength === 'reasonably' ? 'cukup jelas' : 'hanya samar-samar',
  kElbowSame: () => 'dan ini juga siku kurva, titik di mana menambah segmen tidak lagi sepadan',
  kElbowOther: (elbow) => `sedangkan siku kurva ada di ${elbow}, yang memisahkan kelompok kurang baik`,
  kUnscored: (ks) =>
    ` (k = ${ks} tidak punya silhouette: ada segmen yang kosong atau berisi semua pelanggan, jadi keterpisahannya tidak bisa diukur)`,
  kNearTie: (k, strength, rivalK, score, rivalScore, elbowPart, unscored) =>
    `${k} segmen: pelanggan terbagi ${strength} ke dalam ${k} kelompok — silhouette-nya hampir sama dengan k = ${rivalK} (${score} lawan ${rivalScore}, 1 berarti terpisah sempurna), dan jumlah segmen yang lebih sedikit lebih dipilih — ${elbowPart}${unscored}.`,
  kBest: (k, strength, fromK, toK, score, elbowPart, unscored) =>
    `${k} segmen: pelanggan terbagi ${strength} ke dalam ${k} kelompok — silhouette terbaik untuk k = ${fromK}–${toK} (${score}, 1 berarti terpisah sempurna) — ${elbowPart}${unscored}.`,

  customers: (count) => `${count} pelanggan`,
  segments: (count) => `${count} segmen`,
  rows: (count) => `${count} baris`,
  segmentLabel: (name, number) => `${name} (segmen ${number})`,
  ordinal: (rank) => `ke-${rank}`,
  fromFile: (file) => ` dari ${file}`,
  fromSheet: (sheet) => ` dari sheet ${sheet}`,
  sizeAnswer: (label, customers, share, total, run, largest) =>
    `${label} berisi ${customers}, ${share} dari ${total} pelanggan di run ${run}.${largest ? ' Ini segmen terbesar.' : ''}`,
  sizePart: (label, count, share) => `${label} ${count} (${share})`,
  sizeOverview: (run, customers, segments, parts, largest, smallest) =>
    `Run ${run} berisi ${customers} dalam ${segments}: ${parts.join(', ')}. Yang terbesar ${largest}${smallest ? `, yang terkecil ${smallest}.` : '.'}`,
  strategyAnswer: (label, run, strategy, customers, share, total, rank, profile) =>
    `Strategi untuk ${label} di run ${run}: ${strategy} Segmen ini berisi ${customers}, ${share} dari ${total}, dan berada di urutan ${rank} untuk ditargetkan.${profile ? ` Profil: ${profile}` : ''}`,
  strategyLine: (label, customers, strategy) => `${label}, ${customers}: ${strategy}`,
  strategyOverview: (run, lines) =>
    `Strategi di run ${run}, urut menurut prioritas target:\n${lines.join('\n')}`,
  valueClause: (parts) => (parts.length ? `, dengan ${parts.join(' dan ')}` : ''),
  valuePart: (level, feature, mean) => `${feature} ${level} (rata-rata ${mean})`,
  targetFacts: (customers, share, total, value) => `${customers}, ${share} dari ${total}${value}`,
  targetOverall: (label, run, facts, reason) =>
    `Targetkan ${label} lebih dulu di run ${run}: ${facts}. Segmen ini menempati prioritas pertama (ukuran × nilai).${reason ? ` Alasannya: ${reason}` : ''}`,
  targetSuited: (goal, label, run, facts) =>
    `Untuk ${goal}, targetkan ${label} di run ${run}: ${facts}. Persona ini paling cocok untuk ${goal} di run ini.`,
  targetUnsuited: (goal, label, run, facts, fitting) =>
    `Untuk ${goal}, targetkan ${label} di run ${run}: ${facts}. Tidak ada segmen di run ini yang benar-benar cocok (${fitting.join(' atau ')}), jadi ini prioritas pertama secara umum.`,
  targetStrategy: (strategy) => ` Strategi: ${strategy}`,
  runnerUp: (label, customers, share) => ` Pilihan kedua: ${label}, ${customers}, ${share}.`,
  noRunnerUp: () => ' Tidak ada pilihan kedua: run ini hanya punya satu segmen.',
  goal: (goal) => GOALS[goal] ?? goal,
  algorithm: (algorithm) => (algorithm === 'kprototypes' ? 'k-prototypes' : 'k-means'),
  describeRun: (run, id, date, customers, source, segments, algorithm, dropped, list, top) =>
    `Run ${run} (id ${id}, dibuat ${date}) membagi ${customers}${source} ke dalam ${segments} dengan ${algorithm}.${dropped} Segmen: ${list.join('; ')}. Target pertama: ${top}.`,
  droppedRows: (rows) => ` ${rows} tidak diikutkan.`,
  describeSegment: (label, count, share) => `${label} dengan ${count} (${share})`,
  shareSlack: (run, description) => `Membagikan run ${run} ke channel. ${description}`,
  shareCli: (run, description) =>
    `Berbagi ke channel dilakukan di Slack: ketik /segments share ${run} di sana, atau publikasikan dari Google Sheets lewat Ekstensi › Customer Segments › Publish to Slack…. ${description}`,
  listHead: (n) => (n === 1 ? 'Ada 1 run:' : `Ada ${n} run, dari yang terbaru:`),
  listLine: (position, run, id, segments, customers, date) =>
    `${position}. ${run} (id ${id}): ${segments}, ${customers}, dibuat ${date}.`,
  listMore: (n) => `\n…dan ${n} run yang lebih lama.`,
  compareHead: (from, fromDate, to, toDate, before, beforeSegments, after, afterSegments) =>
    `Membandingkan run ${from} (${fromDate}) dengan run ${to} (${toDate}): sebelumnya ${before} dalam ${beforeSegments}, sekarang ${after} dalam ${afterSegments}.`,
  compareOnlyOne: (run) => `Baru ada satu run (${run}), jadi belum ada yang bisa dibandingkan.`,
  compareNew: (name, run, customers, share) => `${name} baru muncul di ${run}: ${customers} (${share}).`,
  compareGone: (name, run, customers, share, from) =>
    `${name} tidak ada di ${run}; sebelumnya berisi ${customers} (${share}) di ${from}.`,
  compareStayed: (customers) => `tetap ${customers}`,
  compareSize: (grew, before, after, delta) =>
    `${grew ? 'bertambah' : 'berkurang'} dari ${before} menjadi ${after} (${delta})`,
  compareShareStayed: (share) => `porsinya tetap ${share}`,
  compareShare: (rose, before, after, delta) =>
    `porsinya ${rose ? 'naik' : 'turun'} dari ${before} menjadi ${after} (${delta} poin)`,
  compareLine: (name, size, share) => `${name} ${size}; ${share}.`,
  runNotFound: (reference, shown, more) =>
    `Saya tidak menemukan run bernama '${reference}'. Run yang ada: ${shown.join(', ')}${more > 0 ? ` dan ${more} lainnya` : ''}.`,
  runWithId: (run, id) => `${run} (id ${id})`,
  segmentAmbiguous: (text, options, run) =>
    `'${text}' bisa berarti ${options.slice(0, -1).join(', ')} atau ${options[options.length - 1]} di run ${run}. Yang mana?`,
  segmentNoNumber: (run, number, segments, count, names) =>
    `Run ${run} tidak punya segmen ${number}; run ini punya ${segments}, bernomor 1 sampai ${count}: ${names.join(', ')}.`,
  segmentUnknown: (subject, run, names) =>
    `Saya tidak mengenali '${subject}'; segmen di run ${run} adalah ${names.join(', ')}.`,
  noRunsCli: () =>
    'Belum ada run yang tersimpan. Segmentasikan file dengan: segments segment file.csv (run disimpan di penyimpanan lokal), atau segmentasikan sheet di Google Sheets lewat Ekstensi › Customer Segments › Segment customers…, lalu tanyakan lagi.',
  noRunsSlack: () =>
    'Belum ada run di workspace ini. Publikasikan dari Google Sheets lewat Ekstensi › Customer Segments › Publish to Slack… (hubungkan dulu dengan /segments connect), atau segmentasikan file dari command line dengan: segments segment file.csv. Lalu tanyakan lagi.',
  connectCli: () =>
    'Command line menyimpan run di penyimpanan lokal (tim "local") dan tidak perlu dihubungkan. Untuk menghubungkan add-on Google Sheets ke Slack, ketik /segments connect di workspace Slack Anda untuk mendapatkan token, lalu tempel di spreadsheet lewat Ekstensi › Customer Segments › Settings…. Setelah itu, Ekstensi › Customer Segments › Publish to Slack… mengirim ringkasan run (tidak pernah data per baris) ke workspace.',
  connectSlack: () =>
    'Untuk menghubungkan add-on Google Sheets ke workspace ini: ketik /segments connect untuk mendapatkan token (hanya Anda yang melihatnya), lalu tempel di spreadsheet lewat Ekstensi › Customer Segments › Settings…. Setelah itu, Ekstensi › Customer Segments › Publish to Slack… mengirim ringkasan run (tidak pernah data per baris) ke sini, dan Anda bisa bertanya tentangnya.',
  helpHowCli: () =>
    'Saya menjawab pertanyaan tentang run segmentasi yang tersimpan di komputer ini. Tanyakan dengan: segments ask "pertanyaan Anda".',
  helpHowSlack: () =>
    'Saya menjawab pertanyaan tentang run segmentasi yang dipublikasikan ke workspace ini. Tanyakan lewat /segments diikuti pertanyaan, dengan menyebut saya, atau lewat pesan langsung.',
  helpOpening: (unknown, question) =>
    unknown ? `Maaf, saya belum memahami "${question}". ` : 'Saya bisa bantu. ',
  helpCan: () =>
    ' Saya bisa menampilkan daftar run, menampilkan satu run, memberi tahu besar suatu segmen, segmen mana yang sebaiknya ditargetkan (juga untuk tujuan seperti kampanye diskon, loyalitas, peluncuran produk premium, retensi, upselling atau reaktivasi), strategi untuk suatu segmen, membandingkan dua run, membagikan run ke channel, dan menjelaskan cara menghubungkan add-on Google Sheets. Coba: ',
  examples: () => [
    'daftar run',
    'tampilkan run terbaru',
    'berapa besar segmen VIP?',
    'segmen mana yang sebaiknya kita targetkan?',
    'siapa yang harus ditarget untuk kampanye diskon?',
    'apa strategi untuk pembeli boros?',
    'bandingkan run terbaru dengan sebelumnya',
    'bagikan run terbaru',
    'bagaimana cara menghubungkan add-on?',
  ],

  sheetTitle: (run) => `Segmen pelanggan — ${run}`,
  sheetSubtitle: (id, createdAt, rows, k, algorithm) =>
    `Run ${id} · ${createdAt} · ${rows} pelanggan · k = ${k} (${algorithm})`,
  sheetHeaders: () => ({
    segment: 'Segmen',
    persona: 'Persona',
    customers: 'Pelanggan',
    share: 'Porsi',
    strategy: 'Strategi',
    summary: 'Ringkasan',
    rank: 'Prioritas target',
    why: 'Alasan prioritas',
  }),
  sheetAverage: (feature) => `${feature} (rata-rata)`,
  sheetMostCommon: (feature) => `${feature} (paling umum)`,
  sheetRate: (column) => `${column} (tingkat)`,
  sheetAllCustomers: () => 'Semua pelanggan',
  sheetKHeading: (automatic) => (automatic ? 'Cara k dipilih' : 'Kualitas segmen'),
  sheetWhyK: (k, reason) => `Mengapa k = ${k}: ${reason}`,
  sheetKSet: (k) => `k = ${k} ditetapkan di opsi (tidak dipilih otomatis).`,
  sheetScatter: (x, y) => `Pelanggan menurut ${x} dan ${y}`,
  sheetElbowTitle: () => 'Siku: inertia menurut jumlah segmen',
  sheetElbowAxis: () => 'k (jumlah segmen)',
  sheetSizesTitle: () => 'Pelanggan per segmen',

  cliSegmentsFrom: (k, customers, algorithm, features) =>
    `${k} segmen dari ${customers} pelanggan (${algorithm}, ${features})`,
  cliCategoryShares: () => ', dan porsi belanja tiap kategori',
  cliHeaders: () => ['#', 'Persona', 'Jumlah', 'Porsi', 'Ciri utama'],
  cliNoTraits: () => 'mendekati rata-rata di semua fitur',
  cliRecommended: (reason) => `Rekomendasi: ${reason}`,
  cliTargetFirst: (name, reason) => `Target pertama: ${name}${reason ? ` — ${reason}` : ''}`,
  cliStrategy: (strategy) => `Strategi: ${strategy}`,
  cliNote: (note) => `Catatan: ${note}`,
};
