import { ACTION_COMPARE_PREVIOUS, ACTION_SHARE_RUN, ACTION_SHOW_STRATEGY } from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import { verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import {
  blockActionsBody,
  eventCallbackBody,
  postToSlackEvents,
  type RecordedCall,
  signSlackRequest,
  slashCommandBody,
} from '../standins/slack-web-api';
import { BUDGET, STANDARD, sampleRun, VIP } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

// The worked example of Slack's "Verifying requests from Slack" page.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = 1531420618;
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

const API_TOKEN = 'static-api-token-for-team-a';
const TEAM_A = 'T-team-a';
const TEAM_B = 'T-team-b';

let opened: TestStore;
let store: RunStore;
let running: RunningTestApp;
let responseCounter = 0;

beforeAll(async () => {
  opened = await openTempPgliteStore();
  store = opened.store;
  running = await startTestApp(store, { staticApiToken: { token: API_TOKEN, team: TEAM_A } });
});
afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
});

const signed = { signingSecret: SIGNING_SECRET };

/** Sends `/segments <text>` from `team` and returns what the app posted to the response_url. */
async function slashCommand(team: string, text: string): Promise<RecordedCall> {
  const id = `r${++responseCounter}`;
  const body = slashCommandBody({ team, text, responseUrl: running.slack.responseUrl(id) });
  const response = await postToSlackEvents(
    running.baseUrl,
    body,
    'application/x-www-form-urlencoded',
    signed,
  );
  expect(response.status).toBe(200);
  return running.slack.waitFor((call) => call.responseId === id, `the reply to "${text}"`);
}

async function publishRun(run: unknown, token = API_TOKEN): Promise<Response> {
  return fetch(`${running.baseUrl}/api/runs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(run),
  });
}

function postedText(call: RecordedCall): string {
  return JSON.stringify(call.body);
}

describe('Slack request signing', () => {
  it("reproduces the worked example of Slack's documentation", () => {
    expect(signSlackRequest(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).toBe(DOC_SIGNATURE);
    expect(() =>
      verifySlackRequest({
        signingSecret: DOC_SECRET,
        body: DOC_BODY,
        headers: { 'x-slack-signature': DOC_SIGNATURE, 'x-slack-request-timestamp': DOC_TIMESTAMP },
        nowMilliseconds: DOC_TIMESTAMP * 1000 + 1000,
      }),
    ).not.toThrow();
  });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' });
    const response = await postToSlackEvents(running.baseUrl, body, 'application/json', signed);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'challenge-123' });
  });

  it('rejects a wrong signature, a stale timestamp and a tampered body with 401, and runs no handler', async () => {
    const ids = ['bad-sig', 'stale', 'tampered'];
    const bodyFor = (id: string) =>
      slashCommandBody({ team: TEAM_A, text: 'help', responseUrl: running.slack.responseUrl(id) });
    const wrongSignature = await postToSlackEvents(
      running.baseUrl,
      bodyFor('bad-sig'),
      'application/x-www-form-urlencoded',
      {
        signingSecret: 'not-the-secret',
      },
    );
    const stale = await postToSlackEvents(
      running.baseUrl,
      bodyFor('stale'),
      'application/x-www-form-urlencoded',
      {
        ...signed,
        timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
      },
    );
    const tampered = await postToSlackEvents(
      running.baseUrl,
      bodyFor('tampered'),
      'application/x-www-form-urlencoded',
      {
        ...signed,
        signedBody: bodyFor('tampered').replace('help', 'runs'),
      },
    );
    expect([wrongSignature.status, stale.status, tampered.status]).toEqual([401, 401, 401]);
    // A valid request afterwards is answered; by then the rejected ones would have been too.
    await slashCommand(TEAM_A, 'help');
    expect(running.slack.calls.filter((call) => ids.includes(call.responseId ?? ''))).toEqual([]);
  });

  it('acknowledges a slash command at once with an empty 200', async () => {
    const id = `ack-${++responseCounter}`;
    const body = slashCommandBody({ team: TEAM_B, text: 'help', responseUrl: running.slack.responseUrl(id) });
    const response = await postToSlackEvents(
      running.baseUrl,
      body,
      'application/x-www-form-urlencoded',
      signed,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await running.slack.waitFor((call) => call.responseId === id, 'the help reply');
  });
});

describe('Acceptance: publish a run, then ask in Slack', () => {
  beforeAll(async () => {
    const response = await publishRun(sampleRun({ id: 'acceptance-run', name: 'Mall customers May' }));
    expect(response.status).toBe(201);
  });

  it('answers "which segment should we target?" with a segment of that run, its size and strategy', async () => {
    const reply = await slashCommand(TEAM_A, 'which segment should we target?');
    expect(reply.body.response_type).toBe('ephemeral');
    const text = String(reply.body.text);
    expect(text).toContain(VIP.name);
    expect(text).toContain('40');
    expect(text.toLowerCase()).toContain(VIP.strategy.toLowerCase());
  });

  it('answers "how big is the VIP segment?" with its size and share', async () => {
    const reply = await slashCommand(TEAM_A, 'how big is the VIP segment?');
    const text = String(reply.body.text);
    expect(text).toContain('40');
    expect(text).toMatch(/\b20(\.0)?%/);
    expect(JSON.stringify(reply.body.blocks)).toMatch(/\b20(\.0)?%/);
  });

  it('tells another team it has no runs yet', async () => {
    const target = await slashCommand(TEAM_B, 'which segment should we target?');
    const size = await slashCommand(TEAM_B, 'how big is the VIP segment?');
    for (const reply of [target, size]) {
      expect(String(reply.body.text)).toMatch(/no runs/i);
      expect(postedText(reply)).not.toContain(VIP.name);
      expect(postedText(reply)).not.toContain('Mall customers May');
    }
  });
});

describe('/segments subcommands', () => {
  it('lists the runs of the asking team only, newest first', async () => {
    const team = 'T-lister';
    await store.saveRun(
      team,
      sampleRun({ id: 'older', name: 'January run', createdAt: '2026-01-01T00:00:00Z' }),
    );
    await store.saveRun(
      team,
      sampleRun({ id: 'newer', name: 'March run', createdAt: '2026-03-01T00:00:00Z' }),
    );
    const reply = await slashCommand(team, 'runs');
    const text = postedText(reply);
    expect(text.indexOf('March run')).toBeGreaterThan(-1);
    expect(text.indexOf('March run')).toBeLessThan(text.indexOf('January run'));
    expect(text).not.toContain('Mall customers May');
  });

  it('shows help for an empty command', async () => {
    const reply = await slashCommand(TEAM_B, '');
    expect(String(reply.body.text).toLowerCase()).toContain('/segments');
  });

  it('issues a connect token once, privately, that then publishes runs for that team', async () => {
    const team = 'T-connect';
    const reply = await slashCommand(team, 'connect');
    expect(reply.body.response_type).toBe('ephemeral');
    const token = /seg_[A-Za-z0-9_-]+/.exec(String(reply.body.text))?.[0];
    expect(token).toBeDefined();
    expect(await store.teamForToken(token!)).toBe(team);
    const published = await publishRun(sampleRun({ id: 'via-connect', name: 'Connected run' }), token);
    expect(published.status).toBe(201);
    expect((await store.listRuns(team)).map((run) => run.name)).toEqual(['Connected run']);
    expect((await store.listRuns(TEAM_A)).map((run) => run.name)).not.toContain('Connected run');
  });

  it('shares a run in the channel when asked to share', async () => {
    const team = 'T-sharer';
    await store.saveRun(team, sampleRun({ id: 'to-share', name: 'Shareable run' }));
    const reply = await slashCommand(team, 'share the latest run');
    expect(reply.body.response_type).toBe('in_channel');
    expect(postedText(reply)).toContain('Shareable run');
    expect(postedText(reply)).toContain(VIP.name);
  });
});

describe('Mentions, DMs and App Home', () => {
  const team = 'T-events';
  beforeAll(async () => {
    await store.saveRun(team, sampleRun({ id: 'events-run', name: 'Events run' }));
  });

  it('answers an @mention in the thread of the message', async () => {
    const body = eventCallbackBody(team, {
      type: 'app_mention',
      user: 'U-alice',
      text: '<@UBOT> how big is the VIP segment?',
      ts: '1700000000.000100',
      channel: 'C-mention',
      event_ts: '1700000000.000100',
    });
    const response = await postToSlackEvents(running.baseUrl, body, 'application/json', signed);
    expect(response.status).toBe(200);
    const post = await running.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.channel === 'C-mention',
      'the mention answer',
    );
    expect(post.body.thread_ts).toBe('1700000000.000100');
    expect(String(post.body.text)).toContain('40');
  });

  it('answers a direct message in its thread and ignores its own bot messages', async () => {
    const base = { type: 'message', channel: 'D-alice', channel_type: 'im', event_ts: '1700000001.000200' };
    await postToSlackEvents(
      running.baseUrl,
      eventCallbackBody(team, {
        ...base,
        bot_id: 'BBOT',
        text: 'which segment should we target?',
        ts: '1700000001.000100',
      }),
      'application/json',
      signed,
    );
    await postToSlackEvents(
      running.baseUrl,
      eventCallbackBody(team, {
        ...base,
        user: 'U-alice',
        text: 'which segment should we target?',
        ts: '1700000001.000200',
      }),
      'application/json',
      signed,
    );
    const post = await running.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.channel === 'D-alice',
      'the DM answer',
    );
    expect(post.body.thread_ts).toBe('1700000001.000200');
    expect(String(post.body.text)).toContain(VIP.name);
    expect(running.slack.calls.filter((call) => call.body.thread_ts === '1700000001.000100')).toEqual([]);
  });

  it('publishes the Home tab with the latest runs and their buttons', async () => {
    const body = eventCallbackBody(team, {
      type: 'app_home_opened',
      user: 'U-home',
      channel: 'D-home',
      tab: 'home',
      event_ts: '1700000002.000100',
    });
    await postToSlackEvents(running.baseUrl, body, 'application/json', signed);
    const publish = await running.slack.waitFor(
      (call) => call.method === 'views.publish' && call.body.user_id === 'U-home',
      'views.publish',
    );
    const view = JSON.stringify(publish.body.view);
    expect(view).toContain('Events run');
    expect(view).toContain(ACTION_SHARE_RUN);
    expect(view).toContain(ACTION_SHOW_STRATEGY);
    expect(view).toContain(ACTION_COMPARE_PREVIOUS);
    expect(view).not.toContain('Mall customers May');
  });

  it('asked auth.test of the stand-in to learn who the bot is', () => {
    expect(running.slack.calls.some((call) => call.method === 'auth.test')).toBe(true);
  });
});

describe('Buttons', () => {
  const team = 'T-buttons';
  beforeAll(async () => {
    await store.saveRun(
      team,
      sampleRun({
        id: 'previous',
        name: 'April run',
        createdAt: '2026-04-01T00:00:00Z',
        segments: [VIP, BUDGET],
      }),
    );
    await store.saveRun(
      team,
      sampleRun({ id: 'latest', name: 'May run', createdAt: '2026-05-01T00:00:00Z' }),
    );
  });

  async function click(actionId: string, value: object, options: { team?: string; fromHome?: boolean } = {}) {
    const id = `b${++responseCounter}`;
    const body = blockActionsBody({
      team: options.team ?? team,
      actionId,
      value: JSON.stringify(value),
      responseUrl: options.fromHome ? undefined : running.slack.responseUrl(id),
    });
    const response = await postToSlackEvents(
      running.baseUrl,
      body,
      'application/x-www-form-urlencoded',
      signed,
    );
    expect(response.status).toBe(200);
    return id;
  }

  it('"Share in channel" posts the run summary in the channel', async () => {
    const id = await click(ACTION_SHARE_RUN, { runId: 'latest' });
    const post = await running.slack.waitFor((call) => call.responseId === id, 'the shared run');
    expect(post.body.response_type).toBe('in_channel');
    const blocks = JSON.stringify(post.body.blocks);
    for (const segment of [VIP, STANDARD, BUDGET]) expect(blocks).toContain(segment.name);
    expect(blocks).toContain('40 customers (20.0%)');
  });

  it('"Share in channel" on the Home tab opens a channel picker', async () => {
    await click(ACTION_SHARE_RUN, { runId: 'latest' }, { fromHome: true });
    const open = await running.slack.waitFor((call) => call.method === 'views.open', 'views.open');
    expect(JSON.stringify(open.body.view)).toContain('conversations_select');
  });

  it('"Strategy" answers with the strategy of that segment, privately', async () => {
    const id = await click(ACTION_SHOW_STRATEGY, { runId: 'latest', segmentIndex: 2 });
    const post = await running.slack.waitFor((call) => call.responseId === id, 'the strategy');
    expect(post.body.response_type).toBe('ephemeral');
    expect(String(post.body.text)).toContain(BUDGET.strategy.toLowerCase().slice(1));
  });

  it('"Compare with previous" reports size changes per persona against the previous run', async () => {
    const id = await click(ACTION_COMPARE_PREVIOUS, { runId: 'latest' });
    const post = await running.slack.waitFor((call) => call.responseId === id, 'the comparison');
    const text = postedText(post);
    expect(text).toContain('April run');
    expect(text).toContain(STANDARD.name);
  });

  it("gives another team's click on this team's run the same not-found answer as a missing run", async () => {
    const foreign = await click(ACTION_SHARE_RUN, { runId: 'latest' }, { team: TEAM_B });
    const missing = await click(ACTION_SHARE_RUN, { runId: 'no-such-run' });
    const foreignPost = await running.slack.waitFor(
      (call) => call.responseId === foreign,
      'the foreign click',
    );
    const missingPost = await running.slack.waitFor(
      (call) => call.responseId === missing,
      'the missing click',
    );
    expect(foreignPost.body.text).toBe(missingPost.body.text);
    expect(postedText(foreignPost)).not.toContain('May run');
  });
});

describe('Escaping', () => {
  it('renders a segment named <!channel> as text, never as a mention', async () => {
    const team = 'T-escape';
    await store.saveRun(
      team,
      sampleRun({
        id: 'evil',
        name: 'Run <@U123> & friends',
        segments: [{ ...VIP, name: '<!channel>', strategy: 'Ping <!here> & everyone' }, STANDARD],
      }),
    );
    const shown = await slashCommand(team, 'show the latest run');
    const home = await slashCommand(team, 'which segment should we target?');
    for (const reply of [shown, home]) {
      const text = postedText(reply);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<@U123>');
    }
    expect(postedText(shown)).toContain('&lt;!channel&gt;');
    expect(postedText(shown)).toContain('Run &lt;@U123&gt; &amp; friends');
  });
});
