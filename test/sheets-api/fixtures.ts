/**
 * Spreadsheets for the Sheets API tests: the Mall customers as a sheet holds them (numbers typed as
 * numbers), a larger sheet built from them, and a service-account key the stand-in can verify.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../standins/sheets-rest';

const mallCsv = new URL('../fixtures/mall_customers.csv', import.meta.url);

/** The 200 Mall customers with their header, typed as Sheets would hold them after typing them in. */
export function mallSheetValues(): CellValue[][] {
  const lines = readFileSync(mallCsv, 'utf8').trim().split(/\r?\n/);
  return lines.map((line, i) =>
    line.split(',').map((cell) => (i > 0 && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)),
  );
}

/** `rows` customers made from the Mall rows, each copy shifted a little so no two rows are equal. */
export function largeSheetValues(rows: number): CellValue[][] {
  const [header, ...mall] = mallSheetValues();
  const values: CellValue[][] = [header];
  for (let i = 0; i < rows; i++) {
    const source = mall[i % mall.length];
    const copy = Math.floor(i / mall.length);
    values.push([
      i + 1,
      source[1],
      source[2],
      (source[3] as number) + (copy % 3),
      (source[4] as number) + (copy % 2),
    ]);
  }
  return values;
}

/** A service-account key file (fresh RSA key) and the public key the stand-in verifies its JWTs with. */
export function makeServiceAccountKey(dir: string, email: string): { keyFile: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(dir, 'service-account.json');
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: 'service_account',
      project_id: 'segments-test',
      private_key_id: 'test-key-1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: '1',
      token_uri: 'https://oauth2.googleapis.com/token',
    }),
  );
  return { keyFile, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
