import type { Logger } from '../common/log';
import type { OutboxEmit } from './outbox-types';

/**
 * The one console line (and `error` event) a page gets when the endpoint answers 403: it refuses
 * answers from this site's origin, which the owner has not allowed yet. The line names the fix; the
 * answers stay queued (the retry policy keeps a 403) and arrive once the site is allowed.
 */
export function createRefusedOriginNotice({ endpoint, origin, log, emit }: { endpoint: string; origin: string; log: Logger; emit: OutboxEmit }) {
  let told = false;
  return (id: string) => {
    if (told) return;
    told = true;
    const message = refusedOriginMessage(endpoint, origin);
    log.error(message);
    emit('error', { kind: 'delivery', id, status: 403, message });
  };
}

/**
 * The line naming the fix when the app at `endpoint` refuses this site (403): for answers, or with
 * `surveys` for the published surveys (`surveysUrl`), which then do not show here.
 */
export function refusedOriginMessage(endpoint: string, origin: string, surveys?: boolean): string {
  let receiver = endpoint;
  try {
    receiver = new URL(endpoint).origin;
  } catch {
    /* the endpoint was checked at init; keep it as given */
  }
  return `${receiver} refused ${surveys ? 'its published surveys to' : 'answers from'} ${origin} (HTTP 403): allow ${origin} in the owner's app, Settings → Sites. ` +
    (surveys ? 'Until then no survey from the app shows here.' : 'The answers are kept on this device and sent once the site is allowed.');
}
