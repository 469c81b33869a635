import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli } from './cli-harness';

const mallPath = join(__dirname, '..', 'fixtures', 'mall_customers.csv');
const incomeAndSpending = 'Annual Income (k$),Spending Score (1-100)';
const mallArgs = ['segment', mallPath, '--columns', incomeAndSpending, '--scale', 'none', '--k', '5'];

describe('segments --lang', () => {
  it('names the five Mall segments in Indonesian with Indonesian strategies, and English questions get English answers', async () => {
    const workspace = makeWorkspace();
    const out = join(workspace.dir, 'out.csv');
    const segmented = await runCli([...mallArgs, '--lang', 'id', '--out', out], workspace.dir);
    expect(segmented.code).toBe(0);
    for (const name of [
      'Pelanggan Potensial (Menengah)',
      'Pelanggan Premium (VIP)',
      'Berduit tapi Hemat',
      'Pembeli Hemat',
      'Pembeli Impulsif (Boros)',
    ])
      expect(segmented.stdout).toContain(name);
    expect(segmented.stdout).toContain('5 segmen dari 200 pelanggan');
    expect(segmented.stdout).toContain('19,5%');
    expect(segmented.stdout).toContain('Strategi: Penawaran eksklusif dan keanggotaan');
    // What it wrote and saved is said in Indonesian too, with the question to try next.
    expect(segmented.stdout).toContain(`Menulis ${out} (baris Anda dengan kolom Segment dan Persona).`);
    expect(segmented.stdout).toMatch(
      /Run run-\S+ disimpan\. Coba: segments ask "segmen mana yang harus ditarget\?"/,
    );
    expect(segmented.stdout).not.toMatch(/Wrote |Saved run /);
    // The written file carries the Indonesian persona of each row.
    expect(readFileSync(out, 'utf8')).toContain('Berduit tapi Hemat');

    const english = await runCli(['ask', 'which segment should we target?'], workspace.dir);
    expect(english.stdout).toMatch(/^Target Premium Shoppers \(VIP\) \(segment 2\) first/);
    expect(english.stdout).toContain('Strategy: Exclusive offers and memberships');
    const indonesian = await runCli(['ask', 'siapa yang harus kita target?'], workspace.dir);
    expect(indonesian.stdout).toMatch(/^Targetkan Pelanggan Premium \(VIP\) \(segmen 2\) lebih dulu/);
  });

  it('takes the language from LANG when --lang is absent, and --lang en wins over it', async () => {
    const workspace = makeWorkspace();
    const fromEnv = await runCli([...mallArgs, '--json', '--no-save'], workspace.dir, {
      LANG: 'id_ID.UTF-8',
    });
    const run = JSON.parse(fromEnv.stdout);
    expect(run.lang).toBe('id');
    expect(run.segments[3].persona.name).toBe('Pembeli Hemat');
    const forced = await runCli([...mallArgs, '--json', '--no-save', '--lang', 'en'], workspace.dir, {
      LC_ALL: 'id_ID.UTF-8',
    });
    expect(JSON.parse(forced.stdout).segments[3].persona.name).toBe('Budget Shoppers');
  });

  it('answers a short question in the language of LANG, and rejects an unknown language as a usage error', async () => {
    const workspace = makeWorkspace();
    await runCli([...mallArgs], workspace.dir);
    const short = await runCli(['ask', 'VIP?'], workspace.dir, { LANG: 'id_ID.UTF-8' });
    expect(short.stdout).toContain('Pelanggan Premium (VIP) (segmen 2)');
    const bad = await runCli([...mallArgs, '--lang', 'fr'], workspace.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang takes en or id; got "fr"');
  });
});
