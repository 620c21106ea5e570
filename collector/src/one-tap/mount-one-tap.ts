import type { App, FeatureDeps } from '../app-env';
import { createSecretBox } from '../alerts/secret-box';
import { createLinkSigner } from '../links/link-signer';
import { createLinkStore } from '../links/link-store';
import { createSiteSettingsStore } from '../site-settings/site-settings-store';
import type { LinkSurvey } from '../links/link-survey';
import { createResponsesStore } from '../responses/responses-store';
import { surveyEmail } from './email-block';
import { sendQueuedEmails } from './email-queue';
import { mountRecipients } from './mount-recipients';
import { mountTapPages } from './mount-tap-pages';
import { createRecipientHook } from './recipient-hook';
import { createRecipientStore, type Recipient } from './recipient-store';
import { recipientLinks } from './tap-link';

/**
 * One tap in an email or an SMS: the owner imports recipients for a link survey, and each gets a
 * signed link per score (`tap-link.ts`), an email with score buttons (`email-block.ts`) sent
 * through an email alert channel's SMTP server at a capped rate (`email-queue.ts`), or a CSV for
 * the shop's own mailer and SMS service. The customer's tap opens a page with that score chosen;
 * only its Confirm button records the answer, once per recipient (`recipient-hook.ts`).
 * Mounted before the survey links, so `GET /s/<id>?t=…` reaches this feature's page.
 * Returns the email worker's run for the server's periodic job (tests call it directly).
 */
export function mountOneTap(app: App, deps: FeatureDeps) {
  const { db, config, answerHooks, kit, now } = deps;
  const links = createLinkStore(db);
  const looks = createSiteSettingsStore(db);
  const signer = createLinkSigner(db);
  const recipients = createRecipientStore(db);
  const box = createSecretBox(config.secretKey);
  const recipientHook = createRecipientHook(signer);
  answerHooks.onAnswerStored(recipientHook.hook, { precheck: recipientHook.precheck });
  const linksOf = (publicUrl: string, survey: Pick<LinkSurvey, 'id' | 'type'>, recipient: Pick<Recipient, 'id'>) => recipientLinks(signer, publicUrl, survey, recipient.id);
  const tap = { kit, signer, now, store: createResponsesStore({ db, hooks: answerHooks }) };

  mountTapPages(app, deps, { links, looks, signer, recipients, tap });
  mountRecipients(app, deps, { links, looks, recipients, box, linksOf });

  // Links in emails need the public address: without HEARBACK_PUBLIC_URL, the address the server listens on.
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const compose = async (recipient: Recipient) => {
    const [survey, look] = await Promise.all([links.get(recipient.surveyId), looks.look()]);
    if (!survey) throw new Error(`survey ${recipient.surveyId} is gone`);
    const made = await linksOf(publicUrl, survey, recipient);
    return { ...surveyEmail({ survey, links: made, locale: recipient.locale, look, name: recipient.name }), unsubscribe: made.unsubscribe };
  };
  return {
    /** One run of the email worker (the server runs it every few seconds). */
    sendQueuedEmails: () => sendQueuedEmails({ db, box, now, destinations: { allowPrivate: config.allowPrivateDestinations }, compose, get: recipients.get }),
  };
}

export type OneTapFeature = ReturnType<typeof mountOneTap>;
