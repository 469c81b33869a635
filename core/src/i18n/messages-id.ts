/**
 * Katalog pesan Bahasa Indonesia: every key of the English catalogue (messages-en.ts), worded for an
 * Indonesian marketer. Indonesian puts the adjective after the noun ("Annual Income tinggi"), has no
 * plural -s ("39 pelanggan") and writes numbers as 1.234,5 (see number-format.ts).
 */
import type { Messages } from './messages-en';

const LEVELS = { high: 'tinggi', low: 'rendah', average: 'sedang' } as const;

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

  protectedSheet: (sheet, named, what, where) =>
    `Tidak ada yang ditulis: sheet "${sheet}"${named} diproteksi, padahal ${what} ditulis di sana (${where}). Minta akses edit kepada pemiliknya atau hapus proteksinya, lalu jalankan lagi.`,
  protectedRange: (range, named, what, where) =>
    `Tidak ada yang ditulis: rentang ${range}${named} diproteksi, padahal ${what} ditulis di sana (${where}). Minta akses edit kepada pemiliknya atau hapus proteksinya, lalu jalankan lagi.`,
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
  traitLastOrder: (days) => `Pesanan terakhir rata-rata ${days} hari lalu`,
  traitOrdersAndSpend: (orders, spent) => `${orders} pesanan dan belanja ${spent} per pelanggan`,

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
  addonWhatSegmentColumn: () => 'kolom Segment',
  addonWhatPersonaColumn: () => 'kolom Persona',
  addonWhatSummary: () => 'ringkasan Segments (diganti setiap kali dijalankan)',
  addonWhatChartData: () => 'data grafik tersembunyi milik sheet Segments (diganti setiap kali dijalankan)',
  addonWhatCustomers: () =>
    'sheet Customers (satu baris per pelanggan, diganti setiap kali pesanan disegmentasi)',
  addonWhatKeptRun: () => 'run yang disimpan',
  addonOrdersTooBig: (lines, minutes, command) =>
    `${lines} baris pesanan butuh sekitar ${minutes} menit, lebih lama dari batas 6 menit Apps Script, jadi tidak ada yang dijalankan. Segmentasikan pesanan dari komputer Anda dengan: ${command}`,
  addonOrdersLine: (customer, date, amounts) =>
    `Tabel pesanan: pelanggan menurut ${customer}, tanggal dari ${date}, nilai dari ${amounts}.`,
  addonWriteFailed: (reason) =>
    `Tidak ada yang ditulis: Google Sheets menolak penulisan (${reason}). Sheet tetap seperti semula; coba lagi.`,
  addonTooManyCells: (cells) =>
    `Tidak ada yang ditulis: hasilnya akan membuat spreadsheet ini melewati batas Google 10 juta sel (sekarang ${cells}). Hapus sheet yang tidak dipakai atau baris dan kolom kosong, lalu jalankan lagi.`,
  addonUrlNotAllowed: (prefix, serverUrl) =>
    `Salinan add-on ini hanya boleh memanggil ${prefix} (aplikasi Slack tempat add-on ini dipasang; Google memblokir alamat lain). Masukkan URL yang diawali ${prefix}, atau minta orang yang memasang add-on untuk membuatnya bagi ${serverUrl}.`,
};
