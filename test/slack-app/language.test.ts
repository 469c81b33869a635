import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { postToSlackEvents, type RecordedCall, slashCommandBody } from '../standins/slack-web-api';
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

  /** Sends `/segments <text>` as `user` through the signed HTTP endpoint and returns the answer's text. */
  async function ask(user: string, text: string): Promise<string> {
    const id = `lang-${++n}`;
    const body = slashCommandBody({ team: TEAM, user, text, responseUrl: running.slack.responseUrl(id) });
    const response = await postToSlackEvents(
      running.baseUrl,
      body,
      'application/x-www-form-urlencoded',
      signed,
    );
    expect(response.status).toBe(200);
    const answer = await running.slack.waitFor((call) => call.responseId === id, `the answer to ${text}`);
    return String(answer.body.text);
  }
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
