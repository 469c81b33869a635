/**
 * Seeded order lines for the RFM bench, shaped like a shop's export (the UCI Online Retail columns):
 * InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice. Customers differ in how often they buy
 * (a skewed draw) and in when they were active (a window within one year), orders have 1–10+ lines,
 * about 1.5% of orders are returns ("C" invoices with negative quantities) and about 2% of orders
 * have no customer. Equal arguments give an equal file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRandom } from '@segments/core';

export interface OrdersFile {
  lines: number;
  customers: number;
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1) / DAY;

/** Writes about `lines` order lines (whole orders, so a few more) to `path`. */
export function writeOrdersCsv(path: string, lines: number, customers: number, seed: number): OrdersFile {
  const random = createRandom(seed);
  // Each customer's activity window [start, start + length] within 365 days.
  const start = new Float64Array(customers);
  const length = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    start[c] = Math.floor(random() * 330);
    length[c] = Math.floor(random() * (365 - start[c]));
  }
  const fd = openSync(path, 'w');
  let buffer = 'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n';
  let written = 0;
  let invoice = 500_000;
  const pad = (value: number) => String(value).padStart(2, '0');
  while (written < lines) {
    invoice++;
    // Skewed: low customer numbers buy far more often than high ones.
    const c = Math.floor(customers * random() ** 2.5);
    const blank = random() < 0.02;
    const isReturn = random() < 0.015;
    const day = FIRST_DAY + start[c] + Math.floor(random() * (length[c] + 1));
    const date = new Date(day * DAY + Math.floor(random() * 12 + 8) * 3_600_000);
    const stamp = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:00`;
    const orderLines = 1 + Math.floor(-Math.log(1 - random()) * 4);
    const id = isReturn ? `C${invoice}` : String(invoice);
    const customer = blank ? '' : String(12_000 + c);
    for (let l = 0; l < orderLines; l++) {
      const quantity = (1 + Math.floor(random() * 12)) * (isReturn ? -1 : 1);
      const price = (Math.round(Math.exp(random() * 3) * 100) / 100).toFixed(2);
      buffer += `${id},${customer},${stamp},${quantity},${price}\n`;
      written++;
    }
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return { lines: written, customers };
}
