/**
 * Slack's mrkdwn treats `<…>` as links and mentions (`<!channel>`, `<@U123>`) and `&` as the start
 * of an entity; escaping these three in every user-supplied string keeps a segment named
 * `<!channel>` from pinging anyone.
 */

/**
 * Escapes `&`, `<` and `>` for Slack text (mrkdwn or plain_text).
 * @example escapeSlackText('<!channel> & co') // → '&lt;!channel&gt; &amp; co'
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts already-escaped text to Slack's limit for a field, marking the cut with an ellipsis and never
 * splitting an entity such as `&amp;`.
 * @example clipSlackText('a'.repeat(4000), 3000).length // → 3000
 */
export function clipSlackText(escaped: string, maxLength: number): string {
  if (escaped.length <= maxLength) return escaped;
  let cut = escaped.slice(0, maxLength - 1);
  const lastAmp = cut.lastIndexOf('&');
  if (lastAmp !== -1 && !cut.slice(lastAmp).includes(';')) cut = cut.slice(0, lastAmp);
  return `${cut}…`;
}

/**
 * Escapes user text and cuts it to `maxLength`.
 * @example limitSlackText('<b>', 10) // → '&lt;b&gt;'
 */
export function limitSlackText(text: string, maxLength: number): string {
  return clipSlackText(escapeSlackText(text), maxLength);
}
