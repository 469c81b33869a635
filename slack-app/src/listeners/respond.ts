import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RespondArguments, RespondFn } from '@slack/bolt';

/**
 * Posts `message` to the interaction's response_url (Bolt's `respond`) and reads the reply to the
 * end. Bolt returns the fetch Response unread; an unread body keeps its keep-alive connection busy
 * until garbage collection, so under load every post opened a new connection.
 * @throws RespondError when the response_url answers with an error status (as `respond` does)
 * @example await respondAndRelease(respond, { response_type: 'ephemeral', text: 'Done' })
 */
export async function respondAndRelease(respond: RespondFn, message: RespondArguments): Promise<void> {
  const response = await respond(message);
  await response.arrayBuffer();
}

/** Slack answers a response_url post at once; a post still open after this is abandoned. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

// Keep-alive pools shared by every post: Slack's response_urls all live on one host.
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/**
 * Posts `message` as JSON to a response_url (what Bolt's `respond` sends) over node:http with a
 * keep-alive pool. The slash command answers every command this way: fetch cost several times the
 * CPU per post, on the event loop the next commands' acks wait for.
 * @throws Error when the response_url answers with an error status, cannot be reached, or takes
 *   longer than 10 s
 * @example await postToResponseUrl(command.response_url, { response_type: 'ephemeral', text: 'Done' })
 */
export function postToResponseUrl(responseUrl: string, message: RespondArguments): Promise<void> {
  const url = new URL(responseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return Promise.reject(new Error(`Failed to respond to the response_url: ${url.protocol} is not HTTP`));
  }
  const secure = url.protocol === 'https:';
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return new Promise((resolve, reject) => {
    const onResponse = (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      // Read the reply to the end so the connection goes back to the pool.
      response.resume();
      response.once('error', reject);
      response.once('end', () => {
        if (status >= 200 && status < 300) resolve();
        else
          reject(
            new Error(
              `Failed to respond to the response_url: ${status} ${response.statusMessage ?? ''}`.trim(),
            ),
          );
      });
    };
    const options = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
      timeout: RESPONSE_URL_TIMEOUT_MS,
    };
    const request = secure
      ? httpsRequest(url, { ...options, agent: httpsAgent }, onResponse)
      : httpRequest(url, { ...options, agent: httpAgent }, onResponse);
    request.once('timeout', () =>
      request.destroy(new Error('Failed to respond to the response_url: no answer within 10 s')),
    );
    request.once('error', reject);
    request.end(body);
  });
}
