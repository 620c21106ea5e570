import type * as receiverKit from '../../../src/receiver';
import { createSecretBox } from '../alerts/secret-box';
import type { AnswerHooks } from '../answer-hooks';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Log } from '../http/log';
import { createLinkSigner } from '../links/link-signer';
import { createResponsesStore } from '../responses/responses-store';
import { createChatAnswers } from './chat-answer';
import { linkSurveySource } from './chat-survey';
import { createConversation } from './conversation';
import { createLineAccountStore } from './line-account';
import { createAskStore } from './line-asks';
import { createLineClient } from './line-client';
import { createGroupStore } from './line-groups';
import type { PushDeps } from './push-survey';

/** Everything the LINE feature works with, wired once: the web app and the command line share it. */
export function createLineParts({ db, config, hooks, kit, log, now }: { db: Database; config: Config; hooks: AnswerHooks; kit: typeof receiverKit; log: Log; now: () => Date }) {
  const accounts = createLineAccountStore(db, createSecretBox(config.secretKey), config);
  const clientFor = (token: string) => createLineClient({ apiUrl: config.lineApiUrl, token, destinations: { allowPrivate: config.allowPrivateDestinations }, now: () => now().getTime() });
  const asks = createAskStore(db, now);
  const groups = createGroupStore(db);
  const signer = createLinkSigner(db);
  const surveys = linkSurveySource(db);
  const answers = createChatAnswers({ kit, store: createResponsesStore({ db, hooks }), now });
  const account = () => accounts.read();
  const conversation = createConversation({ account, clientFor, asks, groups, answers, signer, surveys, log, now });
  const push: PushDeps = { account, clientFor, asks, surveys, signer, conversation };
  return { accounts, clientFor, groups, surveys, conversation, push };
}

export type LineParts = ReturnType<typeof createLineParts>;
