import type * as receiverKit from 'hearback/receiver';
import { createSecretBox } from '../alerts/secret-box';
import type { AnswerHooks } from '../answer-hooks';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Log } from '../http/log';
import { createLinkSigner } from '../links/link-signer';
import { createResponsesStore } from '../responses/responses-store';
import { createShownStore, type ShownStore } from '../shown/shown-store';
import { createChatAnswers } from './chat-answer';
import { linkSurveySource, type ChatSurveySource } from './chat-survey';
import { createConversation } from './conversation';
import { createLineAccountStore } from './line-account';
import { createAskStore, type AskStore } from './line-asks';
import { createLineClient } from './line-client';
import { createGroupStore } from './line-groups';
import type { PushDeps } from './push-survey';

/** Everything the LINE feature works with, wired once: the web app and the command line share it. */
export function createLineParts({ db, config, hooks, kit, log, now }: { db: Database; config: Config; hooks: AnswerHooks; kit: typeof receiverKit; log: Log; now: () => Date }) {
  const accounts = createLineAccountStore(db, createSecretBox(config.secretKey), config);
  const clientFor = (token: string) => createLineClient({ apiUrl: config.lineApiUrl, token, destinations: { allowPrivate: config.allowPrivateDestinations }, now: () => now().getTime() });
  const surveys = linkSurveySource(db);
  const asks = countedAsks(createAskStore(db, now), surveys, createShownStore({ db, timeZone: () => config.timezone, publicUrl: () => config.publicUrl }), now);
  const groups = createGroupStore(db);
  const signer = createLinkSigner(db);
  const answers = createChatAnswers({ kit, store: createResponsesStore({ db, hooks }), now });
  const account = () => accounts.read();
  const conversation = createConversation({ account, clientFor, asks, groups, answers, signer, surveys, log, now });
  const push: PushDeps = { account, clientFor, asks, surveys, signer, conversation };
  return { accounts, clientFor, groups, surveys, conversation, push };
}

/**
 * The ask store, counting each score question once when it first goes out (reply or push) as a
 * prompt shown on channel `line` (with the ask's context), so the response-rate view shows LINE's
 * asked → answered → commented beside the website's.
 */
function countedAsks(asks: AskStore, surveys: ChatSurveySource, shown: ShownStore, now: () => Date): AskStore {
  return {
    ...asks,
    async markSent(id) {
      const ask = await asks.markSent(id);
      const survey = ask && (await surveys(ask.surveyId));
      if (ask && survey) {
        // The order's signature is no segment to break the figures down by.
        const context = Object.fromEntries(Object.entries(ask.context ?? {}).filter(([key]) => key !== 'sig'));
        await shown.record([{ survey: survey.id, type: survey.type, locale: ask.locale, url: '', context: { ...context, channel: 'line' }, at: now().toISOString() }]);
      }
      return ask;
    },
  };
}

export type LineParts = ReturnType<typeof createLineParts>;
