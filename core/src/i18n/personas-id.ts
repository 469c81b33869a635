/**
 * Indonesian personas, keyed by persona `key` like the English playbook (personas/personas.ts,
 * customer-playbook.ts, rfm-playbook.ts): the name a marketer in Indonesia would use and a strategy
 * written for them, not translated word for word. Typed over every playbook key, so a persona added
 * in English without an Indonesian entry fails the typecheck. The seeds' Indonesian names (Berduit
 * tapi Hemat, Boros, Hemat, Menengah) are kept where they fit.
 */
import type { PersonaKey } from '../schema/run';

/** A playbook persona in one language. `summary` is the one-line description RFM personas carry. */
export interface PersonaText {
  name: string;
  strategy: string;
  summary?: string;
}

/** Every persona key with a playbook entry (all but `custom`, which is described from its traits). */
export type PlaybookPersonaKey = Exclude<PersonaKey, 'custom'>;

/** The Indonesian playbook. */
export const PERSONAS_ID: Record<PlaybookPersonaKey, PersonaText> = {
  // Mall seeds: income × spending.
  vip: {
    name: 'Pelanggan Premium (VIP)',
    strategy:
      'Penawaran eksklusif dan keanggotaan: akses lebih dulu ke produk baru, program VIP dan layanan personal supaya pelanggan paling berharga ini terus berbelanja.',
  },
  cautious: {
    name: 'Berduit tapi Hemat',
    strategy:
      'Insentif loyalitas: daya belinya tinggi tapi mereka menahan diri, jadi beri hadiah untuk pembelian berulang dan tonjolkan kualitas serta nilai produk agar mereka mau belanja lebih banyak.',
  },
  impulse: {
    name: 'Pembeli Impulsif (Boros)',
    strategy:
      'Flash sale dan diskon: promo terbatas waktu dan paket bundling cepat mengubah minat jadi pembelian — tetap waspadai risiko kredit dan jangan dorong mereka berutang.',
  },
  budget: {
    name: 'Pembeli Hemat',
    strategy:
      'Promosi berbiaya rendah: kupon, kebutuhan pokok dan pesan yang menonjolkan harga lewat kanal yang murah; jaga biaya per pelanggan tetap kecil.',
  },
  standard: {
    name: 'Pelanggan Potensial (Menengah)',
    strategy:
      'Rawat dan libatkan: newsletter, poin dan rekomendasi personal untuk menumbuhkan mereka menjadi pelanggan setia yang belanja lebih banyak.',
  },
  young: {
    name: 'Anak Muda Antusias',
    strategy:
      'Kampanye media sosial dan tren: influencer, produk terbaru dan promo khusus di media sosial, sesuai cara mereka menemukan produk.',
  },
  // Customer tables: value, engagement, recency, tenure, category mix.
  champions: {
    name: 'Pelanggan Juara',
    strategy:
      'Beri apresiasi dan libatkan: akses lebih dulu, hadiah referral dan paket premium lewat email dan aplikasi; pesannya apresiasi dan eksklusivitas; hindari diskon massal untuk produk yang sudah mereka beli dengan harga penuh.',
  },
  'big-spenders': {
    name: 'Pembelanja Besar',
    strategy:
      'Perbesar porsi belanja: rekomendasi personal dan cross-sell produk premium lewat email atau account manager; pesannya kualitas dan kemudahan; hindari diskon besar-besaran.',
  },
  'at-risk': {
    name: 'Pembelanja Besar yang Mulai Menjauh',
    strategy:
      'Rebut kembali sebelum mereka pergi: sapaan personal dan penawaran khusus untuk produk yang dulu mereka beli, lewat email atau telepon; pesannya apa saja yang baru sejak kunjungan terakhir; hindari email massal yang generik.',
  },
  lapsed: {
    name: 'Pelanggan Tidak Aktif',
    strategy:
      'Reaktivasi berbiaya rendah: satu penawaran yang jelas untuk kembali lewat email atau retargeting, lalu berhenti bila tidak ada respons; jangan pakai anggaran premium untuk mereka.',
  },
  new: {
    name: 'Pelanggan Baru',
    strategy:
      'Onboarding: rangkaian pesan selamat datang, insentif untuk pembelian kedua dan panduan produk di minggu-minggu pertama; pesannya cara memulai; jangan terlalu cepat menawarkan upgrade premium.',
  },
  occasional: {
    name: 'Pembeli Sesekali',
    strategy:
      'Tingkatkan frekuensi dengan biaya kecil: pengingat, paket bundling dan insentif kecil terbatas waktu lewat email dan media sosial; pesannya nilai sehari-hari; hindari kontak personal yang mahal.',
  },
  'category-fans': {
    name: 'Penggemar Kategori',
    strategy:
      'Penawaran per kategori: tonjolkan kategori favorit mereka dan tawarkan produk pelengkapnya; pesannya keahlian dan pilihan lengkap di kategori itu; hindari katalog umum.',
  },
  outlier: {
    name: 'Pencilan',
    strategy:
      'Tinjau satu per satu: terlalu sedikit pelanggan untuk dipasarkan sebagai segmen; periksa data di baliknya dan tangani secara individual.',
  },
  // RFM: customers rolled up from orders.
  'rfm-champions': {
    name: 'Pelanggan Juara',
    summary: 'Baru saja belanja, sering belanja dan belanjanya paling besar.',
    strategy:
      'Hadiah dan perlakuan VIP: akses lebih dulu, keuntungan loyalitas dan ajakan merekomendasikan; mereka pendukung merek Anda, jadi jangan beri diskon secara otomatis.',
  },
  'rfm-loyal': {
    name: 'Pelanggan Setia',
    summary: 'Belanja rutin dengan nilai yang baik; responsif terhadap promosi.',
    strategy:
      'Upsell dan cross-sell: produk bernilai lebih tinggi, paket bundling dan tingkatan keanggotaan; minta mereka menulis ulasan.',
  },
  'rfm-cant-lose': {
    name: 'Jangan Sampai Lepas',
    summary: 'Dulu sering belanja dan belanjanya paling besar, tapi sudah lama tidak kembali.',
    strategy:
      'Rebut kembali segera: telepon atau email personal, produk favorit mereka dan penawaran kuat terbatas waktu sebelum pesaing merebut mereka.',
  },
  'rfm-at-risk': {
    name: 'Berisiko Pergi',
    summary: 'Dulu cukup sering dan cukup banyak belanja, tapi akhir-akhir ini tidak.',
    strategy:
      'Kampanye win-back yang mendesak: pengingat personal, perpanjangan langganan dan penawaran terbatas waktu; tanyakan apa yang kurang.',
  },
  'rfm-potential-loyalists': {
    name: 'Calon Pelanggan Setia',
    summary: 'Pelanggan yang baru-baru ini belanja, dengan jumlah pesanan dan nilai belanja rata-rata.',
    strategy: 'Bina jadi pelanggan setia: program keanggotaan atau poin dan rekomendasi personal.',
  },
  'rfm-new': {
    name: 'Pelanggan Baru',
    summary: 'Baru saja belanja, untuk pertama kali atau hampir.',
    strategy: 'Onboarding: pesan selamat datang, bantuan memakai produk dan alasan untuk memesan lagi.',
  },
  'rfm-promising': {
    name: 'Menjanjikan',
    summary: 'Pembeli baru-baru ini yang belum banyak belanja.',
    strategy:
      'Bangun kebiasaan: kenalkan merek, uji coba gratis dan insentif kecil untuk pesanan berikutnya.',
  },
  'rfm-need-attention': {
    name: 'Perlu Perhatian',
    summary: 'Waktu belanja terakhir, frekuensi dan nilai belanja rata-rata; bisa mulai menurun.',
    strategy: 'Libatkan kembali: penawaran terbatas waktu dan rekomendasi dari pembelian sebelumnya.',
  },
  'rfm-about-to-sleep': {
    name: 'Mulai Pasif',
    summary: 'Waktu belanja terakhir dan frekuensi di bawah rata-rata; akan hilang tanpa dorongan.',
    strategy: 'Reaktivasi: produk populer dan diskon untuk menarik mereka kembali sebelum benar-benar pasif.',
  },
  'rfm-hibernating': {
    name: 'Lama Tidak Belanja',
    summary: 'Terakhir belanja sudah lama, dengan sedikit pesanan dan nilai belanja kecil.',
    strategy:
      'Reaktivasi berbiaya rendah: penawaran yang relevan lewat email saja; jauhkan dari kanal yang mahal.',
  },
  'rfm-lost': {
    name: 'Pelanggan Hilang',
    summary: 'Waktu belanja terakhir, frekuensi dan nilai belanja paling rendah.',
    strategy:
      'Keluarkan dari iklan berbayar: paling banyak satu pesan win-back berbiaya rendah, lalu berhenti mengeluarkan biaya untuk menjangkau mereka.',
  },
};
