import { DateTime } from 'luxon';
import { ces, csat, nps } from 'hearback/receiver';
import { answerBand, type AlertAnswer } from './answer';
import { alertLabels } from './labels';
import { clip, contextFields, scoreHeadline, type AlertMessage, type MessageSettings } from './message';

// The unhappy answers a digest lists in full; the rest are counted.
const maxListed = 15;

/** Start and end (exclusive) of a local calendar day in the shop's time zone. */
export function localDay(date: string, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/**
 * The day whose digest is due at `now` for a channel sending at local hour `hour`: yesterday's,
 * from that hour on (so the digest covers a whole day), else none yet today. Returns the local date
 * and the instant the digest became due.
 */
export function dueDigest(now: Date, hour: number, timeZone: string): { date: string; dueAt: Date } | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (local.hour < hour) return null;
  const dueAt = local.startOf('day').set({ hour }).toJSDate();
  return { date: local.minus({ days: 1 }).toISODate()!, dueAt };
}

function formatMetric(value: number | null, suffix = ''): string {
  return value === null ? '–' : `${value}${suffix}`;
}

/** The day in numbers and the unhappy answers with what they said. */
// Said in the digest when the hourly cap held alerts back (kept here, beside the only place that says it).
const heldLabel = { th: 'การแจ้งเตือนที่ระงับไว้ (เกินจำนวนต่อชั่วโมง)', en: 'Alerts held back (hourly limit)' } as const;

/** The day in numbers and the unhappy answers with what they said; `held` alerts the hourly cap kept back that day. */
export function digestMessage(date: string, answers: readonly AlertAnswer[], settings: MessageSettings, held = 0): AlertMessage {
  const labels = alertLabels(settings.locale);
  const npsResult = nps(answers);
  const csatResult = csat(answers);
  const cesResult = ces(answers);
  const unhappy = answers.filter((answer) => answerBand(answer) === 'detractor');
  const when = DateTime.fromISO(date, { zone: settings.timeZone })
    .setLocale(labels.dateLocale)
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const fields = [
    { label: labels.digestAnswers, value: String(answers.length) },
    ...(npsResult.responses ? [{ label: `NPS (${npsResult.responses})`, value: formatMetric(npsResult.score) }] : []),
    ...(csatResult.responses ? [{ label: `CSAT (${csatResult.responses})`, value: formatMetric(csatResult.score, '%') }] : []),
    ...(cesResult.responses ? [{ label: `CES (${cesResult.responses})`, value: formatMetric(cesResult.score) }] : []),
    { label: labels.digestUnhappy, value: String(unhappy.length) },
    ...(held ? [{ label: heldLabel[settings.locale], value: String(held) }] : []),
  ];
  const lines = unhappy.slice(0, maxListed).map((answer) => {
    const where = contextFields(answer, settings.locale).map((field) => field.value).slice(0, 3).join(' · ');
    const comment = answer.comment?.trim() ? ` “${clip(answer.comment.trim(), 200)}”` : '';
    return `• ${scoreHeadline(answer, settings.locale)}${where ? ` · ${where}` : ''}${comment}`;
  });
  if (unhappy.length > maxListed) lines.push(`${labels.digestMore} ${unhappy.length - maxListed}`);
  const link = `${settings.publicUrl.replace(/\/+$/, '')}/inbox`;
  return {
    title: `${labels.digestTitle} · ${when}`,
    headline: answers.length ? labels.answerCount(answers.length) : labels.digestNoAnswers,
    fields,
    body: lines.length ? lines.join('\n') : null,
    bodyLabel: labels.digestUnhappy,
    link,
    linkLabel: labels.digestOpen,
    event: {
      type: 'digest.daily',
      data: {
        date,
        answers: answers.length,
        nps: { score: npsResult.score, responses: npsResult.responses },
        csat: { score: csatResult.score, responses: csatResult.responses },
        ces: { score: cesResult.score, responses: cesResult.responses },
        unhappy: unhappy.map((answer) => ({
          answerId: answer.id,
          type: answer.type,
          score: answer.score,
          comment: answer.comment ?? null,
          context: answer.context ?? {},
        })),
        heldAlerts: held,
        link,
      },
    },
  };
}
