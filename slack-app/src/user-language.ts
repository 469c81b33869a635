/**
 * The language a Slack user reads, from `users.info` with `include_locale: true` (Slack sends the
 * locale only when asked). Used when a question's words do not say its language (a bare "VIP?") and
 * for the Home tab. Remembered per user for a while, so a conversation costs one lookup, not one per
 * question; a lookup that fails means English, never a failed answer.
 */
import { type Lang, langFromLocale } from '@segments/core';
import type { webApi } from '@slack/bolt';

/** How long a user's language is remembered: a changed Slack language shows within this time. */
export const USER_LANGUAGE_TTL_MS = 10 * 60_000;
/** Users remembered at most; the oldest entry goes first. */
const MAX_USERS = 5_000;

/** Remembered languages by team and user, with the time each was looked up. */
export class UserLanguages {
  private readonly entries = new Map<string, { lang: Lang; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The language of `userId` in `team`: Bahasa Indonesia for an `id-ID` Slack locale, else English.
   * @example await languages.of(client, 'T1', 'U1') // 'id' for a user whose Slack locale is id-ID
   */
  async of(client: webApi.WebClient, team: string, userId: string | undefined): Promise<Lang> {
    if (!userId) return 'en';
    const key = `${team}:${userId}`;
    const known = this.entries.get(key);
    if (known && this.now() - known.at < USER_LANGUAGE_TTL_MS) return known.lang;
    let lang: Lang = 'en';
    try {
      const reply = await client.users.info({ user: userId, include_locale: true });
      lang = langFromLocale(reply.user?.locale);
    } catch {
      // Slack could not say (rate limit, unknown user): English this time, asked again next time.
      return 'en';
    }
    this.entries.delete(key);
    this.entries.set(key, { lang, at: this.now() });
    if (this.entries.size > MAX_USERS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return lang;
  }
}
