/**
 * The survey page's script (`/assets/survey-link.js`, next to the SDK's script-tag bundle): reads the
 * page's configuration from `data-hearback-link`, starts the SDK with the inline survey and the
 * link's context, and says where the answer is: saved on the phone while offline, sent, or (for a
 * single-use link whose order was answered elsewhere first) already counted.
 */
import type { SurveyPageConfig } from '../src/links/survey-page';

type CommandFunction = ((...args: unknown[]) => unknown) & { q?: unknown[][] };

/** How long a queued answer may wait before the page says it is kept on the phone. */
const queuedNoticeDelay = 1500;

function start() {
  const root = document.getElementById('hearback-survey');
  const status = document.getElementById('link-status');
  if (!root || !status) return;
  const config = JSON.parse(root.dataset.hearbackLink ?? '{}') as SurveyPageConfig;
  // The stub queue: works whether or not /hearback.min.js has run yet.
  const w = window as unknown as { hearback?: CommandFunction };
  const hearback: CommandFunction =
    w.hearback ?? (w.hearback = Object.assign((...args: unknown[]) => void (hearback.q = hearback.q ?? []).push(args), { q: [] as unknown[][] }));

  const say = (text: string) => {
    status.textContent = text;
    status.hidden = false;
  };
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let answered = false;
  let delivered = false;
  const ours = (event: { survey: string }) => event.survey === config.survey.id;

  hearback('init', {
    endpoint: config.endpoint,
    locale: config.locale,
    context: config.context,
    theme: { accent: config.accent },
    debug: config.debug,
    surveys: [config.survey],
  });
  // `answer` fires once the visitor is done (follow-up sent or skipped): only then does the page
  // speak, so the notice never competes with the follow-up question.
  hearback('on', 'answer', (event: { survey: string }) => {
    if (!ours(event)) return;
    answered = true;
    if (delivered) return say(config.texts.sent);
    if (!navigator.onLine) say(config.texts.queued);
    else waiting = setTimeout(() => say(config.texts.queued), queuedNoticeDelay);
  });
  hearback('on', 'sent', (event: { survey: string; status: number }) => {
    if (!ours(event)) return;
    clearTimeout(waiting);
    // 409 on a single-use link: another answer for this order was stored first.
    if (event.status === 409 && config.singleUse) return say(config.texts.alreadyCounted);
    delivered = true;
    if (answered) say(config.texts.sent);
  });
  hearback('show', config.survey.id);
}

start();
