/**
 * Column roles recognised from headers in English and Indonesian, so personas can speak of income,
 * spending and age whatever the sheet calls them ("Annual Income (k$)", "Pendapatan", "Umur", …).
 */
import type { Role } from '../schema/run';

// Order matters: the first matching role wins ("Spending Score" is spending, not a score of something).
const ROLE_PATTERNS: ReadonlyArray<readonly [Role, RegExp]> = [
  ['label', /^(segment|segmentation|segmen|persona|cluster|klaster|predicted segment)$/i],
  // "ID", "Customer_ID", "Kode Pelanggan", and camel case "CustomerID" (case-sensitive: not "Paid").
  ['id', /(^|[\s_.-])(id|uuid|guid|kode|code|no|nomor|nr)([\s_.-]|$)|^customerid$/i],
  ['name', /^(name|nama|full ?name|customer ?name|nama ?pelanggan|first ?name|last ?name)$/i],
  [
    'spending',
    /spend|spent|belanja|purchase|pembelian|monetary|revenue|sales|order ?value|basket|pengeluaran|transaksi/i,
  ],
  ['income', /income|salary|earning|wage|pendapatan|penghasilan|gaji|revenue per|annual pay/i],
  ['age', /^(age|umur|usia)\b|\bage\b|umur|usia/i],
  ['gender', /gender|genre|sex\b|jenis ?kelamin|kelamin/i],
  ['profession', /profession|occupation|job|profesi|pekerjaan/i],
  ['family', /family|household|keluarga|children|kids|anak/i],
  ['experience', /experience|pengalaman/i],
  ['tenure', /tenure|member ?since|months? as|years? as|lama ?(berlangganan|menjadi)/i],
  ['frequency', /frequency|visits|frekuensi|kunjungan|number of orders|orders/i],
  ['recency', /recency|days since|last (order|purchase|visit)/i],
  ['location', /city|region|country|province|kota|provinsi|wilayah|residen|location|address|alamat/i],
  ['date', /date|tanggal|timestamp|\btime\b/i],
];

/**
 * The role a header names, if any.
 * @example roleFromHeader('Annual Income (k$)') // 'income'
 */
export function roleFromHeader(header: string): Role | undefined {
  const text = header.trim();
  if (/[a-z]ID$/.test(text)) return 'id';
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(text)) return role;
  return undefined;
}
