/**
 * Katalog percakapan Bahasa Indonesia: every key of the English conversation catalogue
 * (conversation-messages-en.ts): answers, Slack messages and the Home tab, the CLI's run summary.
 */
import type { ConversationMessages } from './conversation-messages-en';

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

export const CONVERSATION_MESSAGES_ID: ConversationMessages = {
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

  cliSegmentsFrom: (k, customers, algorithm, features) =>
    `${k} segmen dari ${customers} pelanggan (${algorithm}, ${features})`,
  cliCategoryShares: () => ', dan porsi belanja tiap kategori',
  cliHeaders: () => ['#', 'Persona', 'Jumlah', 'Porsi', 'Ciri utama'],
  cliNoTraits: () => 'mendekati rata-rata di semua fitur',
  cliPerSegment: () => 'Per segmen (kolom yang tidak ikut clustering):',
  cliAllCustomers: () => 'Semua pelanggan',
  cliLeftOut: () => 'Tidak dipakai sebagai fitur:',
  cliWroteRows: (path) => `Menulis ${path} (baris Anda dengan kolom Segment dan Persona).`,
  cliWroteCustomers: (path, key) =>
    `Menulis ${path} (satu baris per pelanggan: ${key}, Recency (days), Frequency, Monetary, First order, Segment, Persona).`,
  cliSaved: (id, created) =>
    `Run ${id} ${created ? 'disimpan' : 'sudah tersimpan'}. Coba: segments ask "segmen mana yang harus ditarget?"`,
  cliRfmTraits: (score, days, orders, spent) =>
    `${score}: pesanan terakhir ${days} hari lalu, ${orders} pesanan, belanja ${spent}`,
  cliRecommended: (reason) => `Rekomendasi: ${reason}`,
  cliTargetFirst: (name, reason) => `Target pertama: ${name}${reason ? ` — ${reason}` : ''}`,
  cliStrategy: (strategy) => `Strategi: ${strategy}`,
  cliNote: (note) => `Catatan: ${note}`,
};
