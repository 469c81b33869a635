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
    `${k} segmen: pelanggan terbagi ${strength} ke dalam ${k} kelompok — silhouette-nya hampir sama dengan k = ${rivalK} (${score} lawan ${rivalScore}; 1 berarti terpisah sempurna), dan jumlah segmen yang lebih sedikit lebih dipilih — ${elbowPart}${unscored}.`,
  kBest: (k, strength, fromK, toK, score, elbowPart, unscored) =>
    `${k} segmen: pelanggan terbagi ${strength} ke dalam ${k} kelompok — silhouette terbaik untuk k = ${fromK}–${toK} (${score}; 1 berarti terpisah sempurna) — ${elbowPart}${unscored}.`,

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
  sheetScatterNote: (x, y, count, _n, sheet) =>
    `Grafik pelanggan menurut ${x} dan ${y} memuat ${count} titik dari sheet tersembunyi "${sheet}".`,
  sheetScatterTitle: (x, y) => `${y} menurut ${x}, diwarnai per segmen`,
  sheetElbowTitle: () => 'Siku: inertia menurut jumlah segmen',
  sheetElbowAxis: () => 'k (jumlah segmen)',
  sheetSizesTitle: () => 'Pelanggan per segmen',
  sheetKTableHeaders: () => [
    'k (jumlah segmen)',
    'Sebaran dalam segmen (inertia)',
    'Keterpisahan (silhouette)',
  ],
  sheetKTableExplanations: () => [
    'Sebaran dalam segmen: total jarak pelanggan dari rata-rata segmennya. Angkanya selalu turun saat k bertambah; di titik penurunannya mulai melambat (siku), menambah segmen tidak banyak membantu.',
    'Keterpisahan: dari −1 sampai 1, seberapa jauh lebih dekat pelanggan ke segmennya sendiri dibanding ke segmen terdekat berikutnya. Di atas 0,5 segmen-segmennya terpisah dengan jelas; mendekati 0 segmen-segmennya saling tumpang-tindih.',
  ],
  sheetInertiaAxis: () => 'Inertia',
  sheetColumnsHeading: () => 'Cara kolom digunakan',
  sheetDerivedFeature: () => 'Fitur turunan',
  sheetDerivedFrom: (sources) => `dari ${sources.join(', ')}`,
  sheetLeftOut: () => 'Tidak dipakai',
  sheetDataCheck: () => 'Pemeriksaan data',

  regionTitleRows: (headerRow, n) =>
    `Judul kolom ada di baris ${headerRow}; ${n} baris judul di atasnya dilewati.`,
  regionNoteRows: (n, fromRow) =>
    `${n} baris catatan di bawah tabel (mulai baris ${fromRow}) tidak diikutkan.`,
  regionMerged: (ranges, more) =>
    `Sel gabungan ${ranges.join(', ')}${more > 0 ? ` dan ${more} lainnya` : ''} dibaca seolah setiap selnya berisi nilai blok gabungan itu.`,
  regionFiltered: (n, included) =>
    included
      ? `${n} baris yang disembunyikan filter ikut disegmentasi, sesuai permintaan Anda.`
      : `${n} baris yang disembunyikan filter dilewati (centang "Ikutkan baris yang disembunyikan filter" untuk ikut menyegmentasinya).`,
  regionOnlySelected: (others) =>
    `Hanya baris yang dipilih yang disegmentasi (${others} baris lain di tabel tidak diikutkan).`,
  addonSheetIsOutput: (sheet) =>
    `"${sheet}" adalah tempat Customer Segments menulis hasilnya; buka sheet berisi data pelanggan Anda lalu coba lagi.`,
  addonSheetEmpty: (sheet) =>
    `"${sheet}" kosong: isi dengan baris judul kolom dan baris pelanggan, lalu coba lagi.`,

  noteRowsLeftOut: (dropped, total, columns) =>
    `${dropped} dari ${total} baris tidak diikutkan karena ada kolom terpilih yang kosong (${columns.join(', ')}); pilih missing: impute untuk mengisinya.`,
  noteImputedMean: (n, column, mean) => `${n} nilai ${column} yang kosong diisi dengan rata-rata (${mean}).`,
  noteImputedMode: (n, column, value) =>
    `${n} nilai ${column} yang kosong diisi dengan nilai yang paling sering muncul ("${value}").`,

  errorK: (max, got) => `k harus "auto" atau bilangan bulat dari 1 sampai ${max}; yang diberikan ${got}`,
  errorTooFewRowsForAutoK: (source, rows, usable) =>
    `${source} hanya punya ${rows} baris${usable ? ' yang bisa dipakai' : ''}; memilih k butuh minimal 3 (segmentasi dibuat untuk puluhan pelanggan atau lebih)`,
  errorKMoreThanRows: (k, rows, usable) =>
    `k = ${k} meminta lebih banyak segmen daripada jumlah baris${usable ? ' yang bisa dipakai' : ''} (${rows}); pilih k paling banyak ${rows}`,

  theTable: () => 'tabel',
  runName: (source, k, date) => `${source} · ${k} segmen · ${date}`,
  rfmRunName: (source, customers, k, date) =>
    `${source} · ${customers} pelanggan · ${k} segmen RFM · ${date}`,

  progressReadingColumns: () => 'Membaca kolom',
  progressRollingUp: () => 'Merangkum pesanan per pelanggan',
  progressClustering: (k) => `Mengelompokkan ke dalam ${k} segmen`,
  progressTried: (k, finished, total) => `Mencoba k = ${k} (${finished} dari ${total})`,
  progressRefining: (k) => `Memperhalus ${k} segmen dengan sisa percobaan`,
  progressNaming: () => 'Memberi nama segmen',

  traitLevel: (high, feature, mean) => `${feature} ${high ? 'tinggi' : 'rendah'} (rata-rata ${mean})`,
  traitMostly: (top, percent, feature) => `Sebagian besar ${top} (${percent} menurut ${feature})`,
  traitAverage: (feature, mean) => `${feature} sedang (rata-rata ${mean})`,
  traitCloseToAverage: () => 'Mendekati rata-rata di semua kolom',

  predictedRef: (name) => name.replace(/^Segment /, 'segmen '),
  predictedSegment: (count, total, share, ref, run, rank) =>
    `${count} dari ${total} pelanggan baru (${share}) masuk ${ref} (run prediksi "${run}").${rank}`,
  predictedIsLargest: () => ' Ini segmen prediksi terbesar.',
  predictedLargestIs: (ref, count, share) => ` Yang terbesar ${ref} dengan ${count} (${share}).`,
  predictedLargest: (ref, count, total, share, run, next) =>
    `Pelanggan baru paling banyak masuk ${ref}: ${count} dari ${total} (${share}) di run prediksi "${run}".${next}`,
  predictedNext: (ref, count, share) => ` Berikutnya ${ref} dengan ${count} (${share}).`,
  predictedOverview: (run, model, date, total, segments, parts) =>
    `Run prediksi "${run}" (model "${model}", ${date}) membagi ${total} pelanggan baru ke dalam ${segments}: ${parts.join(', ')}.`,
  predictedUnknown: (subject, run, names) =>
    `Saya tidak mengenali '${subject}'; segmen di run prediksi "${run}" adalah ${names.join(', ')}.`,
  noPredictionsCli: () =>
    'Belum ada prediksi. Latih model dengan pelanggan yang segmennya sudah diketahui: segments train labelled.csv --label Segment, lalu prediksi pelanggan baru dengan: segments assign new.csv --run <id model atau model.json> (run prediksi disimpan di penyimpanan lokal), atau pakai Ekstensi › Customer Segments › Predict segments from a labelled column… di Google Sheets. Lalu tanyakan lagi.',
  noPredictionsSlack: () =>
    'Belum ada prediksi di workspace ini. Buat di Google Sheets lewat Ekstensi › Customer Segments › Predict segments from a labelled column…, atau dari command line dengan: segments train labelled.csv --label Segment, lalu segments assign new.csv --run model.json; publikasikan run prediksinya ke /api/runs dengan token workspace (/segments connect). Lalu tanyakan lagi.',

  slackShareButton: () => 'Bagikan ke channel',
  slackOpenSheetButton: () => 'Buka di Google Sheets',
  slackDetailsButton: () => 'Detail',
  slackCompareButton: () => 'Bandingkan dengan sebelumnya',
  slackStrategyButton: () => 'Strategi',
  slackMonths: () => ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  slackRun: (name) => `Run *${name}*`,
  slackCustomers: (count) => `${count} pelanggan`,
  slackTraitLevel: (level, feature, mean) => `${feature} ${LEVELS[level]} (rata-rata ${mean})`,
  slackTraitMostly: (top, feature, share) => `sebagian besar ${top} untuk ${feature} (${share})`,
  slackTraitsNone: () => 'mendekati rata-rata di semua fitur',
  slackRunFacts: (customers, k, algorithm, date) =>
    `${customers} pelanggan · ${k} segmen · ${algorithm} · ${date}`,
  slackSegmentSummary: (number, name, customers, share) =>
    `*${number} · ${name}* — ${customers} pelanggan (${share})`,
  slackRunHeader: (name, k, customers) => `${name}: ${k} segmen dari ${customers} pelanggan`,
  slackMoreSegments: (n) => `…dan ${n} segmen lainnya.`,
  slackTargetFirst: (name, number, strategy) => `*Target pertama: ${name}* (segmen ${number}). ${strategy}`,
  slackWhyFirst: (reason) => `\n_Alasannya:_ ${reason}`,
  slackOutcomes: (parts) => `Hasil: ${parts.join(', ')}`,
  slackOutcomePart: (column, rate, overall) => `${column} ${rate} (${overall} secara keseluruhan)`,
  slackDerived: (parts) => `Fitur turunan: ${parts.join('; ')}.`,
  slackLeftOut: (parts) => `Tidak dipakai: ${parts.join('; ')}.`,
  slackHomeIntro: () =>
    'Tanyakan tentang segmen Anda lewat `/segments <pertanyaan>`, dengan menyebut saya, atau lewat DM — misalnya “segmen mana yang sebaiknya kita targetkan?” atau “berapa besar segmen VIP?”.',
  slackHomeNoRuns: () =>
    'Belum ada run. Publikasikan dari Google Sheets (Ekstensi › Customer Segments › Publish to Slack…) dengan token dari `/segments connect`, atau kirim lewat POST ke API runs.',
  slackHomeTargetFirst: (name, customers, share, traits) =>
    `Target pertama: *${name}* — ${customers} pelanggan (${share}); ${traits}`,
  slackSize: () => 'Jumlah',
  slackShare: () => 'Porsi',
  slackShareOfSpending: () => 'Porsi belanja',
  slackTargetRank: () => 'Prioritas target',
  slackRankOf: (ordinal, n) => `${ordinal} dari ${n}`,
  slackKeyTraits: () => 'Ciri utama',
  slackRunnerUp: (label) => ` Pilihan kedua: ${label}.`,
  slackStrategy: (strategy) => `*Strategi:* ${strategy}`,
  slackSegment: () => 'Segmen',
  slackCustomersColumn: () => 'Pelanggan',
  slackAverage: (feature) => `Rata-rata ${feature}`,
  slackAverageFallback: () => 'Rata-rata',
  slackLevel: () => 'Tingkat',
  slackAverageOf: (name, feature, mean) => `${name}: rata-rata ${feature} ${mean}`,
  slackAverageBySegment: (feature) => `Rata-rata ${feature} per segmen`,
  slackSizeWithShare: (customers, share) => `${customers} pelanggan (${share})`,
  slackVersus: (a, b) => `${a} vs ${b}`,
  slackNothingToCompare: () => 'Belum ada yang bisa dibandingkan',
  slackCompareColumns: () => ['Segmen', 'Sebelumnya', 'Sekarang', 'Perubahan'],
  slackNew: () => 'baru',
  slackGone: () => 'hilang',
  slackChangedUpTo: (run) => `Yang berubah sampai ${run ?? 'run terbaru'}`,
  slackRunsNewestFirst: (n) => `${n} run, dari yang terbaru`,
  slackRunLine: (date, customers, k, id) => `${date} · ${customers} pelanggan · ${k} segmen · id ${id}`,
  slackOlderRuns: (n) => `…dan ${n} run yang lebih lama.`,
  slackHelpUnknown: () => 'Maaf, saya belum memahaminya',
  slackHelpHeader: () => 'Tanyakan tentang segmen Anda',
  slackHelpHow: () =>
    'Tanyakan lewat `/segments <pertanyaan>`, dengan menyebut saya, atau lewat pesan langsung.',
  slackPrediction: (run, model, customers) =>
    `Run prediksi *${run}* · model ${model} · ${customers} pelanggan baru`,
  slackSizeHeader: (name, customers, share) => `${name}: ${customers} pelanggan (${share})`,
  slackSegmentsIn: (n, run) => `${n} segmen di ${run}`,
  slackTargetFor: (goal, name) => `Untuk ${goal}: targetkan ${name}`,
  slackTargetFirstHeader: (name) => `Targetkan ${name} lebih dulu`,
  slackStrategiesIn: (run) => `Strategi di ${run}, urut menurut prioritas target`,
  slackStrategyFor: (label) => `Strategi untuk ${label}`,
  slackChartTitle: (kind) =>
    (
      ({
        sizes: 'Ukuran segmen',
        features: 'Segmen menurut dua fitur utamanya',
        'choose-k': 'Cara k dipilih',
        compare: 'Yang berubah sejak run sebelumnya',
      }) as Record<string, string>
    )[kind] ?? 'Ukuran segmen',
  slackAnswer: () => 'Jawaban',
  slackSharedBy: (run, user) => `Run segmentasi ${run}, dibagikan oleh ${user}`,

  sidebar: () => ({
    decimalMark: ',',
    groupMark: '.',
    views: 'Tampilan',
    navSegment: 'Segmentasi',
    navAssign: 'Tetapkan',
    navPredict: 'Prediksi',
    navPublish: 'Publikasi',
    navSettings: 'Setelan',
    segmentHeading: 'Segmentasi pelanggan',
    readingSheet: 'Membaca sheet yang aktif…',
    refresh: 'Muat ulang',
    refreshTitle: 'Baca ulang sheet yang aktif',
    colColumn: 'Kolom',
    colKind: 'Jenis',
    colKindTitle:
      'Bentuk nilainya: numerik (angka), kategori (beberapa label yang berulang), id (kode berbeda di setiap baris) atau teks (teks bebas seperti nama atau catatan).',
    colRole: 'Peran',
    colRoleTitle:
      'Arti kolom, dibaca dari judul dan nilainya (misalnya penghasilan, usia atau belanja). Peran menentukan nama persona dan kolom yang dicentang secara bawaan.',
    colEmpty: 'Kosong',
    colEmptyTitle: 'Jumlah baris yang kolom ini kosong',
    kindWhyId:
      'Nilainya berbeda di setiap baris (nomor atau kode pelanggan): tidak menggambarkan kelompok, jadi tidak dipakai.',
    kindWhyText:
      'Teks bebas (nama, catatan, email): nilainya terlalu beragam untuk mengelompokkan pelanggan.',
    kinds: { numeric: 'numerik', categorical: 'kategori', id: 'id', text: 'teks' },
    roles: {
      income: 'penghasilan',
      spending: 'belanja',
      age: 'usia',
      gender: 'gender',
      profession: 'profesi',
      family: 'keluarga',
      experience: 'pengalaman',
      tenure: 'lama berlangganan',
      frequency: 'frekuensi',
      recency: 'kebaruan',
      location: 'lokasi',
      id: 'id',
      name: 'nama',
      label: 'label',
      date: 'tanggal',
      'birth-year': 'tahun lahir',
      money: 'uang',
      'category-spend': 'belanja kategori',
      mix: 'porsi',
      count: 'jumlah',
      code: 'kode',
      flag: 'penanda',
      outcome: 'hasil',
      constant: 'tetap',
      text: 'teks',
      email: 'email',
      category: 'kategori',
      number: 'angka',
    },
    onlySelected: 'Hanya baris yang dipilih',
    includeFiltered: 'Ikutkan baris yang disembunyikan filter',
    kLegend: 'Jumlah segmen (k)',
    kAuto: 'Otomatis',
    kFixed: 'Tetap:',
    kValueLabel: 'Jumlah segmen',
    moreOptions: 'Opsi lainnya',
    algorithm: 'Algoritme',
    algorithmAuto: 'Otomatis (menurut jenis kolom)',
    algorithmKmeans: 'k-means (hanya angka)',
    algorithmKprototypes: 'k-prototypes (angka dan kategori)',
    scaling: 'Penskalaan',
    scalingZscore: 'Standardisasi (z-score)',
    scalingMinmax: 'Min–maks ke 0..1',
    scalingNone: 'Tanpa (satuan asli)',
    seed: 'Seed',
    runName: 'Nama run',
    runNamePlaceholder: 'Nama sheet dan tanggal',
    run: 'Jalankan',
    running: 'Sedang berjalan…',
    starting: 'Memulai…',
    cannotStop:
      'Apps Script tidak bisa menghentikan run yang sudah dimulai; tidak ada yang ditulis sebelum semua langkah berhasil.',
    cliIntro: 'Atau segmentasikan semua baris dari komputer Anda dengan command line Customer Segments:',
    command: 'Perintah',
    copy: 'Salin',
    copied: 'Tersalin',
    sheetInfo: 'Sheet "{sheet}", {range}: {rows} pelanggan. Pilih kolom untuk segmentasi.',
    sheetInfoOrders: 'Sheet "{sheet}", {range}: {rows} baris pesanan.',
    resultsCustomersSheet: ' Satu baris per pelanggan di "{sheet}".',
    ordersChoice:
      'Segmentasikan pelanggan menurut kebaruan, frekuensi dan nilai belanja (RFM), bukan menurut kolom yang dicentang.',
    tooBig:
      'Tabel ini besar: segmentasi {rows} pelanggan bisa makan waktu sekitar {minutes} menit, lebih lama dari batas Apps Script (6 menit). Jalankan akan menawarkan sampel atau command line.',
    runSample: 'Jalankan pada sampel {rows} pelanggan',
    segmentsTitle: 'Segmen',
    resultsTitle: '{k} segmen',
    resultsWhere: 'Ditulis ke "{sheet}" ({range}): {rows} pelanggan.',
    sizesAlt: 'Pelanggan per segmen',
    openSegments: 'Buka sheet Segments',
    renameHint:
      'Klik nama persona untuk menggantinya; kolom Persona, sheet Segments dan yang Anda publikasikan ikut memakai nama baru.',
    whyK: 'Mengapa k = {k}: {reason}',
    kChosen: 'k = {k} sesuai pilihan Anda.',
    segmentNameLabel: 'Nama segmen {n}',
    facts: '{size} pelanggan · {share}',
    factsValue: ' · {share} dari {column}',
    strategyLabel: 'Strategi: ',
    exportButton: 'Ekspor pelanggan ini ke sheet baru',
    exportTitle: 'Sheet baru berisi baris segmen ini, untuk diunduh sebagai CSV ke platform iklan atau CRM',
    saving: 'Menyimpan…',
    renamed: 'Nama diganti menjadi "{name}".',
    renamedRows: 'Nama diganti menjadi "{name}" di {rows} baris dan sheet Segments.',
    exporting: 'Mengekspor…',
    exported: 'Sheet "{sheet}" dibuat berisi {rows} pelanggan (File › Download › CSV untuk mengunggahnya).',
    bug: 'Terjadi kesalahan di add-on: {message}',
    assignHeading: 'Tetapkan segmen pelanggan baru',
    assignIntro:
      'Baris yang belum punya Segment mendapat segmen terdekat dari run yang tersimpan. Baris yang sudah punya tidak diubah.',
    runLabel: 'Run',
    fromRow: 'Mulai dari baris (opsional)',
    assign: 'Tetapkan',
    noRuns: 'Belum ada run yang tersimpan di spreadsheet ini: jalankan Segmentasi pelanggan dulu.',
    runInfo: 'k = {k} · {rows} pelanggan · {date}',
    allAssigned: 'Semua baris sudah punya segmen.',
    assigned: '{n} pelanggan baru mendapat segmen.',
    predictHeading: 'Prediksi segmen dari kolom berlabel',
    predictIntro:
      'Belajar dari baris yang segmennya sudah Anda ketahui, lalu memprediksi segmen untuk baris yang selnya kosong. Menulis kolom Predicted segment dan Confidence; sel Anda tidak diubah.',
    predictLabel: 'Kolom berisi segmen yang sudah diketahui',
    predict: 'Prediksi',
    predicting: 'Memprediksi…',
    predictionsTitle: 'Prediksi',
    holdout: 'Uji holdout',
    accuracy: 'Akurasi',
    macroF1: 'Macro-F1',
    predictedSegment: 'Segmen prediksi',
    customersColumn: 'Pelanggan',
    shareColumn: 'Porsi',
    noLabelColumn: 'Sheet ini tidak punya kolom kategori untuk dipelajari segmennya.',
    predictEveryRow: 'Semua baris sudah punya {column}: kosongkan untuk pelanggan yang ingin diprediksi.',
    predictMissing: '{rows} baris tanpa {column} akan mendapat segmen prediksi.',
    model: 'Model',
    baseline: 'Selalu "{label}" (pembanding)',
    predicted: '{n} pelanggan baru diprediksi',
    publishHeading: 'Publikasikan ke Slack',
    publishIntro:
      'Mengirim ringkasan run (segmen, ukuran, persona). Baris data pelanggan tidak pernah keluar dari spreadsheet.',
    publish: 'Publikasikan',
    published: 'Sudah dipublikasikan ke Slack.',
    alreadyPublished: 'Sudah ada di Slack (dipublikasikan sebelumnya).',
    settingsHeading: 'Setelan',
    serverUrl: 'URL aplikasi Slack',
    token: 'Token (dari /segments connect di Slack)',
    tokenPlaceholder: 'Tempel token di sini',
    tokenSaved: 'Token berakhiran {hint} sudah tersimpan; kosongkan untuk tetap memakainya.',
    noToken: 'Belum ada token yang tersimpan.',
    save: 'Simpan',
    saved: 'Tersimpan.',
    language: 'Bahasa',
    languageAuto: 'Otomatis (lokal spreadsheet)',
    languageAutoLocale: 'Otomatis (lokal spreadsheet {locale})',
    languageEn: 'English',
    languageId: 'Bahasa Indonesia',
    languageSaved: 'Bahasa tersimpan.',
  }),

  addonHelpTitle: () => 'Bantuan',
  addonHelpHtml:
    () => `<p><b>Segment customers…</b> membaca sheet yang aktif (judul kolom di baris pertama yang terisi, atau pilihan Anda),
mengelompokkan pelanggan yang mirip dan memberi setiap kelompok nama persona pemasaran. Add-on ini menambahkan kolom
<b>Segment</b> dan <b>Persona</b> di kanan data Anda, sheet <b>Segments</b> berisi ringkasan dan grafik, dan menyimpan
run di sheet tersembunyi. Sel Anda sendiri tidak pernah diubah; menjalankan ulang hanya mengganti kolom-kolom itu.</p>
<p><b>Assign new customers…</b> memberi baris yang belum punya Segment segmen dari run yang tersimpan.</p>
<p><b>Predict segments from a labelled column…</b> belajar dari baris yang segmennya sudah Anda ketahui (kolom
seperti Segmentation) lalu memprediksinya untuk baris yang selnya kosong, di kolom <b>Predicted segment</b> dan
<b>Confidence</b>.</p>
<p><b>Publish to Slack…</b> mengirim ringkasan run (segmen, ukuran, persona; tidak pernah baris data pelanggan) ke
aplikasi Slack Customer Segments Anda, yang diatur di <b>Settings…</b>.</p>`,
  addonExportSheetName: (number, persona) => `Segmen ${number} — ${persona}`,
  addonExportSourceGone: (sheet) => `Sheet "${sheet}" tempat run ini ditulis sudah tidak ada.`,
  addonExportNoSegmentColumn: (sheet) =>
    `"${sheet}" tidak punya kolom Segment lagi; jalankan Segmentasi pelanggan lagi.`,
  addonExportLostHeader: (sheet) => `Kolom Segment di "${sheet}" kehilangan judulnya.`,
  addonExportNoRows: (sheet, number) => `Tidak ada baris di "${sheet}" yang masuk segmen ${number}.`,
  addonExportRefused: (reason) => `Tidak ada yang diekspor: Google Sheets menolak penulisan (${reason}).`,
  addonLockBusy: () =>
    'Ada segmentasi lain yang sedang berjalan di spreadsheet ini; coba lagi sebentar lagi.',
  addonStaleSheet: (expected, actual) =>
    `Sidebar menampilkan kolom dari "${expected ?? 'sheet lain'}", tetapi sheet yang aktif sekarang "${actual}". Tidak ada yang ditulis: klik Muat ulang untuk membaca "${actual}", lalu Jalankan lagi.`,
  addonStaleTable: (sheet, before, now) =>
    `Tabel di "${sheet}" berubah sejak dibaca sidebar (${before}, sekarang ${now}). Tidak ada yang ditulis: klik Muat ulang, lalu Jalankan lagi.`,
  addonTooBig: (rows, columns, minutes, sampleRows, command) =>
    `${rows} pelanggan × ${columns} kolom butuh sekitar ${minutes} menit, lebih lama dari batas 6 menit Apps Script, jadi tidak ada yang dijalankan. Jalankan pada sampel ${sampleRows} pelanggan yang tersebar merata (setiap baris tetap mendapat segmen terdekatnya), atau segmentasikan seluruh sheet dari komputer Anda dengan: ${command}`,
  addonSampled: (sample, rows) =>
    `Yang disegmentasi adalah sampel ${sample} dari ${rows} pelanggan yang tersebar merata (batas 6 menit Apps Script); setiap baris mendapat segmen terdekatnya.`,
  addonProgressReading: () => 'Membaca sheet',
  addonProgressWriting: () => 'Menulis kolom Segment dan Persona serta sheet Segments',
  addonRunToast: (k, sheet) => `${k} segmen ditulis ke "${sheet}"; ringkasannya ada di sheet Segments.`,
  addonNoRun: (runId) => `Tidak ada run "${runId}" di spreadsheet ini; jalankan Segmentasi pelanggan lagi.`,
  addonNoRunPick: (runId) => `Tidak ada run "${runId}" di spreadsheet ini; pilih salah satu dari daftar.`,
  addonNoRunsYet: () => 'Belum ada segmentasi di spreadsheet ini; jalankan Segmentasi pelanggan dulu.',
  addonNoSegment: (run, number) => `Run "${run}" tidak punya segmen ${number}.`,
  addonNameTaken: (number, name) =>
    `Segmen ${number} sudah bernama "${name}"; pilih nama lain supaya keduanya bisa dibedakan.`,
  addonNameMissing: () => 'Ketik nama untuk segmen ini',
  addonNameTooLong: () => 'Nama persona paling panjang 60 karakter',
  addonNoSummarySheet: () => 'Belum ada sheet Segments: jalankan Segmentasi pelanggan dulu.',
  addonAssignToast: (n, run) => `${n} pelanggan baru mendapat segmen dari "${run}".`,
  addonEveryRowLabelled: (sheet, label) =>
    `Semua baris di sheet "${sheet}" sudah punya ${label}, jadi tidak ada yang perlu diprediksi: kosongkan ${label} untuk pelanggan baru lalu coba lagi.`,
  addonNoLabelColumn: (sheet, label, columns) =>
    `Sheet "${sheet}" tidak punya kolom label "${label}"; kolomnya: ${columns.join(', ')}`,
  addonPredictToast: (n, label, sheet) => `${n} pelanggan baru mendapat prediksi ${label} di "${sheet}".`,
  addonPublishNeedsSettings: () =>
    'Untuk memublikasikan, perlu URL aplikasi Slack dan token: buka Setelan lalu tempel keduanya (jalankan /segments connect di Slack untuk mendapatkan token).',
  addonPublishTooLarge: (run, kb) =>
    `Run "${run}" terlalu besar untuk dipublikasikan (${kb} KB; aplikasi Slack menerima paling besar 1 MB).`,
  addonUnreachable: (url, reason) =>
    `Aplikasi Slack di ${url} tidak bisa dihubungi (${reason}). Periksa URL di Setelan dan pastikan aplikasinya berjalan.`,
  addonTokenRefused: () =>
    'Aplikasi Slack tidak menerima token ini. Jalankan /segments connect di Slack untuk token baru lalu tempel di Setelan.',
  addonRunInvalid: (detail) =>
    `Aplikasi Slack menolak run ini karena tidak valid: ${detail || 'tanpa keterangan'}.`,
  addonRunTooLargeForApp: () =>
    'Run ini terlalu besar untuk aplikasi Slack (lebih dari 1 MB); segmentasikan dengan lebih sedikit kolom atau publikasikan run yang lebih kecil.',
  addonNoRunsApi: (url) => `Tidak ada API runs di ${url}/api/runs; periksa URL aplikasi Slack di Setelan.`,
  addonAppError: (url, status) =>
    `Aplikasi Slack di ${url} menjawab dengan galat (HTTP ${status}); coba lagi nanti.`,
  addonUrlMissing: () => 'Isi URL aplikasi Slack, misalnya https://segments.example.com',
  addonUrlNotHttps: () =>
    'URL aplikasi Slack harus diawali https:// dan menyebut host, misalnya https://segments.example.com (http:// akan mengirim token tanpa enkripsi)',
  addonTokenTooLong: () => 'Token lebih dari 500 karakter; tempel tokennya saja',
  addonTokenMissing: () => 'Tempel token dari /segments connect di Slack',
  addonLanguageInvalid: (value) => `Bahasa harus auto, en atau id, bukan ${value}`,

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
