import { postToResponseUrl } from '@segments/slack-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../standins/slack-web-api';

describe('postToResponseUrl', () => {
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await startSlackStandIn();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('posts the message as JSON to the response_url, one post per call, in order', async () => {
    for (const text of ['first', 'second', 'third']) {
      await postToResponseUrl(slack.responseUrl(`post-${text}`), { response_type: 'ephemeral', text });
    }
    const posts = slack.calls.filter((call) => call.responseId?.startsWith('post-'));
    expect(posts.map((call) => call.body)).toEqual([
      { response_type: 'ephemeral', text: 'first' },
      { response_type: 'ephemeral', text: 'second' },
      { response_type: 'ephemeral', text: 'third' },
    ]);
  });

  it('fails with the status when the response_url answers with an error', async () => {
    const unknownPath = new URL('../no-such-response-url', slack.apiUrl).toString();
    await expect(postToResponseUrl(unknownPath, { text: 'lost' })).rejects.toThrow(
      'Failed to respond to the response_url: 404',
    );
  });

  it('refuses a response_url that is not HTTP', async () => {
    await expect(postToResponseUrl('file:///etc/passwd', { text: 'no' })).rejects.toThrow('is not HTTP');
  });
});
