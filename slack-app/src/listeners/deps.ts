/** What every listener needs: the store and the answer engine (see conversation.ts). */
export type { ConversationDeps as ListenerDeps } from '../conversation';
