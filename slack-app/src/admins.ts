/**
 * Who may manage the workspace's tokens and runs (`/segments connect`, `revoke`, `delete`): the
 * workspace's admins and owners, as Slack's `users.info` reports them, or the user ids listed in
 * SEGMENTS_ADMINS (for workspaces whose admins delegate the app to someone else).
 */
import type { webApi } from '@slack/bolt';

/**
 * True when `userId` may manage tokens and runs.
 * @throws Error when Slack cannot say (users.info fails other than user_not_found): refusing silently
 *   would mislead the user
 * @example await isWorkspaceAdmin(client, 'U123', ['U999']) // → true for an admin or owner
 */
export async function isWorkspaceAdmin(
  client: webApi.WebClient,
  userId: string | undefined,
  admins: readonly string[] = [],
): Promise<boolean> {
  if (!userId) return false;
  if (admins.includes(userId)) return true;
  let user: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | undefined;
  try {
    user = (await client.users.info({ user: userId })).user;
  } catch (error) {
    // Someone Slack does not know in this workspace is no admin of it; anything else is a failure.
    if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') return false;
    throw error;
  }
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}

/**
 * SEGMENTS_ADMINS as a list of Slack user ids (separated by commas or spaces).
 * @example parseAdminList('U1, U2') // → ['U1', 'U2']
 */
export function parseAdminList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}
