import { ACTION_SHOW_STRATEGY } from '@segments/slack-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import {
  blockActionsBody,
  eventCallbackBody,
  postToSlackEvents,
  type RecordedCall,
  slashCommandBody,
} from '../standins/slack-web-api';
import { sampleRun } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const TEAM = 'T-lang';
const signed = { signingSecret: SIGNING_SECRET };

describe('Slack answers in the language of the question, else the asker’s Slack locale', () => {
  let store: TestStore;
  let running: RunningTestApp;
  let n = 0;

  beforeAll(async () => {
    store = await openTempPgliteStore();
    await store.store.saveRun(TEAM, sampleRun({ id: 'mall-run', name: 'Mall run' }));
    running = await startTestApp(store.store);
    running.slack.users.set('U-sari', { name: 'sari', locale: 'id-ID' });
    running.slack.users.set('U-emma', { name: 'emma', locale: 'en-GB' });
  });
  afterAll(async () => {
    await running?.stop();
    await store?.dispose();
  });

  /** Sends `/segments <text>` as `user` through the signed HTTP endpoint and returns the answer posted. */
  async function answerTo(user: string, text: string): Promise<Record<string, unknown>> {
    const id = `lang-${++n}`;
    const body = slashCommandBody({ team: TEAM, user, text, responseUrl: running.slack.responseUrl(id) });
    const response = await postToSlackEvents(
      running.baseUrl,
      body,
      'application/x-www-form-urlencoded',
      signed,
    );
    expect(response.status).toBe(200);
    return (await running.slack.waitFor((call) => call.responseId === id, `the answer to ${text}`)).body;
  }
  const ask = async (user: string, text: string) => String((await answerTo(user, text)).text);
  const localeLookups = (user: string) =>
    running.slack.calls.filter(
      (call: RecordedCall) => call.method === 'users.info' && call.body.user === user,
    );

  it('answers an Indonesian question in Indonesian without asking Slack for the locale', async () => {
    const text = await ask('U-emma', 'berapa besar segmen VIP?');
    expect(text).toBe(
      'Pelanggan Premium (VIP) (segmen 1) berisi 40 pelanggan, 20,0% dari 200 pelanggan di run Mall run.',
    );
    expect(localeLookups('U-emma')).toEqual([]);
  });

  it('answers an English question in English, even for a user whose Slack is in Indonesian', async () => {
    const text = await ask('U-sari', 'how big is the VIP segment?');
    expect(text).toBe(
      'Premium Shoppers (VIP) (segment 1) has 40 customers, 20.0% of the 200 in run Mall run.',
    );
    expect(localeLookups('U-sari')).toEqual([]);
  });

  it("answers a question whose words do not say in the asker's Slack language, looked up once", async () => {
    const first = await ask('U-sari', 'VIP?');
    expect(first).toMatch(/^Strategi untuk Pelanggan Premium \(VIP\) \(segmen 1\) di run Mall run: /);
    const lookups = localeLookups('U-sari');
    expect(lookups).toHaveLength(1);
    // Slack sends the locale only when asked with include_locale.
    expect(lookups[0].body.include_locale).toBe('true');
    expect(await ask('U-sari', 'help')).toMatch(/^Saya bisa bantu\. /);
    expect(localeLookups('U-sari')).toHaveLength(1);

    expect(await ask('U-emma', 'VIP?')).toMatch(/^The strategy for Premium Shoppers \(VIP\) \(segment 1\)/);
    expect(localeLookups('U-emma')).toHaveLength(1);
  });

  it('words the whole message in Indonesian: header, fields, strategy, context line and buttons', async () => {
    const { blocks } = (await answerTo('U-emma', 'berapa besar segmen VIP?')) as { blocks: unknown[] };
    const shown = JSON.stringify(blocks);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Pelanggan Premium (VIP): 40 pelanggan (20,0%)' },
    });
    for (const words of [
      '*Jumlah*\\n40 pelanggan',
      '*Porsi*\\n20,0%',
      '*Prioritas target*\\nke-1 dari 3',
      '*Ciri utama*',
    ]) {
      expect(shown).toContain(words);
    }
    // The run was named in English; its persona's strategy is shown in Indonesian, from its key.
    expect(shown).toContain('*Strategi:* Penawaran eksklusif');
    expect(shown).toMatch(/Run \*Mall run\* · 10 Jan 2026 · 200 pelanggan/);
    expect(shown).toContain('"text":"Bagikan ke channel"');
    expect(shown).toContain('"text":"Detail"');
    // (The source file, customers.csv, keeps its name.)
    expect(shown).not.toMatch(/Share in channel|\d customers|Strategy:|Target rank/);
  });

  it("answers a button in the language of the message it is on, else the clicker's Slack language", async () => {
    const { blocks } = (await answerTo('U-emma', 'apa strategi untuk segmen VIP?')) as { blocks: unknown[] };
    const buttons = (blocks as { type: string; elements?: { value?: string }[] }[])
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements ?? [])
      .filter((button) => button.value !== undefined);
    expect(buttons.length).toBeGreaterThan(0);
    const value = JSON.parse(buttons[0].value ?? '{}') as { runId: string; lang?: string };
    expect(value).toMatchObject({ runId: 'mall-run', lang: 'id' });
    const click = async (user: string, buttonValue: unknown) => {
      const id = `click-${++n}`;
      const body = blockActionsBody({
        team: TEAM,
        user,
        actionId: ACTION_SHOW_STRATEGY,
        value: JSON.stringify(buttonValue),
        responseUrl: running.slack.responseUrl(id),
      });
      await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', signed);
      return String(
        (await running.slack.waitFor((call) => call.responseId === id, 'the button answer')).body.text,
      );
    };
    // Emma's Slack is in English, but she clicked an Indonesian message.
    expect(await click('U-emma', { ...value, segmentIndex: 0 })).toMatch(/^Strategi untuk Pelanggan Premium/);
    // A button without a language (an English message) follows the clicker's Slack language.
    expect(await click('U-sari', { runId: 'mall-run', segmentIndex: 0 })).toMatch(/^Strategi untuk /);
    expect(await click('U-emma', { runId: 'mall-run', segmentIndex: 0 })).toMatch(/^The strategy for /);
  });

  it('shows the Home tab in the Slack language of whoever opens it', async () => {
    const home = async (user: string) => {
      const body = eventCallbackBody(TEAM, {
        type: 'app_home_opened',
        user,
        channel: `D-${user}`,
        tab: 'home',
        event_ts: `${Date.now() / 1000}`,
      });
      await postToSlackEvents(running.baseUrl, body, 'application/json', signed);
      const publish = await running.slack.waitFor(
        (call) => call.method === 'views.publish' && call.body.user_id === user,
        `the Home tab of ${user}`,
      );
      return JSON.stringify(publish.body.view);
    };
    const indonesian = await home('U-sari');
    expect(indonesian).toContain('Tanyakan tentang segmen Anda lewat `/segments <pertanyaan>`');
    expect(indonesian).toContain('200 pelanggan · 3 segmen · k-means · 2026-01-10');
    expect(indonesian).toContain('Target pertama: *Premium Shoppers (VIP)* — 40 pelanggan (20,0%)');
    expect(indonesian).toContain('"text":"Bandingkan dengan sebelumnya"');
    const english = await home('U-emma');
    expect(english).toContain('Ask about your segments with `/segments <question>`');
    expect(english).toContain('Target first: *Premium Shoppers (VIP)* — 40 customers (20.0%)');
  });

  it('answers in English when Slack cannot say the locale', async () => {
    running.slack.failing.set('users.info', 'ratelimited');
    try {
      expect(await ask('U-nobody', 'VIP?')).toMatch(/^The strategy for Premium Shoppers/);
    } finally {
      running.slack.failing.delete('users.info');
    }
  });
});

describe('the Slack stand-in’s users.info', () => {
  let running: RunningTestApp;
  let store: TestStore;
  beforeAll(async () => {
    store = await openTempPgliteStore();
    running = await startTestApp(store.store);
    running.slack.users.set('U-sari', { name: 'sari', locale: 'id-ID' });
  });
  afterAll(async () => {
    await running?.stop();
    await store?.dispose();
  });

  const usersInfo = async (fields: Record<string, string>) =>
    (await (
      await fetch(`${running.slack.apiUrl}users.info`, {
        method: 'POST',
        headers: {
          Authorization: 'Bearer xoxb-test-token',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(fields).toString(),
      })
    ).json()) as { ok: boolean; user?: { locale?: string } };

  it('serves the locale only when asked with include_locale, as Slack does', async () => {
    expect((await usersInfo({ user: 'U-sari' })).user).not.toHaveProperty('locale');
    expect((await usersInfo({ user: 'U-sari', include_locale: 'false' })).user).not.toHaveProperty('locale');
    expect((await usersInfo({ user: 'U-sari', include_locale: 'true' })).user?.locale).toBe('id-ID');
    expect((await usersInfo({ user: 'U-alice', include_locale: 'true' })).user?.locale).toBe('en-US');
  });
});
