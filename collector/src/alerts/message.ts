import { answerBand, scaleOf, type AlertAnswer } from './answer';
import { alertLabels, type AlertLocale } from './labels';
import { ownValue } from '../own-value';
import { keyName, noContextLabels, valueName, type ContextLabels } from '../context-labels/context-labels';

export interface MessageField {
  label: string;
  value: string;
}

/**
 * A message before a channel formats it: every channel shows the same facts, each in its own shape.
 * `event` is what the signed webhook sends as JSON.
 */
export interface AlertMessage {
  title: string;
  /** One line: "CSAT 2/5 · detractor". */
  headline: string;
  fields: MessageField[];
  /** The comment, or a list of unhappy answers in a digest; plain text. */
  body: string | null;
  bodyLabel: string;
  link: string;
  linkLabel: string;
  event: { type: string; data: Record<string, unknown> };
}

export interface MessageSettings {
  locale: AlertLocale;
  publicUrl: string;
  timeZone: string;
  /** The owner's names for context keys and values (Settings), in the channel's language. */
  contextLabels?: ContextLabels;
}

// Long enough to read, short enough for every channel's limit (LINE 5,000 characters, Discord embeds 4,096).
const maxCommentLength = 1000;
const maxContextFields = 12;

/**
 * Where the owner acts on an answer: the inbox (`/inbox`, the dashboard's case list), with the
 * answer named so the inbox can bring its case forward.
 */
export function casePath(answerId: string): string {
  return `/inbox?case=${encodeURIComponent(answerId)}`;
}

export function caseLink(publicUrl: string, answerId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${casePath(answerId)}`;
}

export function formatWhen(date: Date, settings: Pick<MessageSettings, 'locale' | 'timeZone'>): string {
  return new Intl.DateTimeFormat(alertLabels(settings.locale).dateLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: settings.timeZone,
  }).format(date);
}

export function clip(text: string, max = maxCommentLength): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function scoreHeadline(answer: Pick<AlertAnswer, 'type' | 'score'>, locale: AlertLocale): string {
  const labels = alertLabels(locale);
  return `${labels.type[answer.type]} ${answer.score}/${scaleOf(answer.type)[1]} · ${labels.band[answerBand(answer)]}`;
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? clip(value.trim(), 200) : null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Who and where: user name/phone/email, then the well-known context keys, then the rest (scalars
 * only). Keys are the site's and the visitor's: every read is of an own property, so a context key
 * `constructor`, `toString` or `__proto__` is a key like any other, labelled with its own name.
 */
export function contextFields(answer: AlertAnswer, locale: AlertLocale, contextLabels: ContextLabels = noContextLabels): MessageField[] {
  const named = alertLabels(locale).context;
  const fields: MessageField[] = [];
  const add = (key: string, value: unknown, owned = false) => {
    const text = scalar(value);
    if (text === null || fields.length >= maxContextFields) return;
    // A context key or value the owner named in Settings shows by that name ("สาขา: สยาม").
    const ownerName = owned ? keyName(contextLabels, locale, key) : key;
    const label = ownerName !== key ? ownerName : ownValue(named, key) ?? key;
    fields.push({ label, value: owned ? valueName(contextLabels, locale, key, text) : text });
  };
  const user = answer.user ?? {};
  for (const key of ['name', 'phone', 'email']) add(key, ownValue(user, key));
  if (!scalar(ownValue(user, 'name'))) add('userId', ownValue(user, 'id'));
  const context = answer.context ?? {};
  const known = ['orderId', 'branch', 'touchpoint', 'product', 'channel'];
  for (const key of known) add(key, ownValue(context, key), true);
  for (const key of Object.keys(context).sort()) if (!known.includes(key)) add(key, ownValue(context, key), true);
  return fields;
}

/**
 * How to reach the customer, as one line ("Phone 081-234-5678 · LINE ID somchai.k"), from the
 * `contactVia` they left with their consent; null when they left none.
 */
export function reachLine(answer: Pick<AlertAnswer, 'contact' | 'contactVia'>, locale: AlertLocale): string | null {
  const via = answer.contact ? answer.contactVia : null;
  if (!via) return null;
  const labels = alertLabels(locale).via;
  const ways = (['phone', 'email', 'line'] as const).flatMap((way) => (typeof via[way] === 'string' && via[way] ? [`${labels[way]} ${clip(via[way], 254)}`] : []));
  return ways.length ? ways.join(' · ') : null;
}

/** The consent line and, when given, how to reach the customer. */
export function contactFields(answer: AlertAnswer, locale: AlertLocale): MessageField[] {
  const labels = alertLabels(locale);
  const reach = reachLine(answer, locale);
  if (reach) return [{ label: labels.reachBy, value: reach }];
  return answer.contact ? [{ label: labels.contact, value: labels.contactYes }] : [];
}

/** The alert for one answer: score with type and band, comment, context and the link to its case. */
export function answerMessage(answer: AlertAnswer, settings: MessageSettings, kind: 'alert' | 'test' = 'alert'): AlertMessage {
  const labels = alertLabels(settings.locale);
  // A test alert has no case to open: it links to the alerts settings instead.
  const link = kind === 'test' ? `${settings.publicUrl.replace(/\/+$/, '')}/alerts` : caseLink(settings.publicUrl, answer.id);
  const fields: MessageField[] = [
    { label: labels.survey, value: answer.survey },
    ...contextFields(answer, settings.locale, settings.contextLabels),
    ...(answer.reasons?.length ? [{ label: labels.reasons, value: answer.reasons.join(', ') }] : []),
    ...contactFields(answer, settings.locale),
    { label: labels.answeredAt, value: formatWhen(answer.answeredAt, settings) },
  ];
  const comment = answer.comment?.trim() ? clip(answer.comment.trim()) : null;
  return {
    title: kind === 'test' ? labels.testTitle : labels.alertTitle,
    headline: scoreHeadline(answer, settings.locale),
    fields,
    body: kind === 'test' ? `${labels.testNote}${comment ? `\n${comment}` : ''}` : comment,
    bodyLabel: labels.comment,
    link,
    linkLabel: labels.openCase,
    event: {
      type: kind === 'test' ? 'alert.test' : 'answer.alert',
      data: {
        answerId: answer.id,
        survey: answer.survey,
        type: answer.type,
        score: answer.score,
        scale: scaleOf(answer.type),
        band: answerBand(answer),
        comment: answer.comment ?? null,
        contact: answer.contact === true,
        contactVia: (answer.contact && answer.contactVia) || null,
        context: answer.context ?? {},
        user: answer.user ?? null,
        answeredAt: answer.answeredAt.toISOString(),
        link,
      },
    },
  };
}

/** Plain text for channels without formatting (LINE, the text part of an email). */
export function plainText(message: AlertMessage): string {
  return [
    message.title,
    message.headline,
    ...message.fields.map((field) => `${field.label}: ${field.value}`),
    ...(message.body ? ['', `${message.bodyLabel}:`, message.body] : []),
    '',
    `${message.linkLabel}: ${message.link}`,
  ].join('\n');
}

/** When an overdue case was due, and who has it (their email), as an overdue alert reads them. */
export interface OverdueCase {
  dueAt: Date;
  assignee: string | null;
}

/**
 * The alert that a case passed its due time still open: the answer's alert, titled so, with the
 * due time and who has the case first. The signed webhook's event is `case.overdue`.
 */
export function overdueMessage(answer: AlertAnswer, overdue: OverdueCase, settings: MessageSettings): AlertMessage {
  const labels = alertLabels(settings.locale);
  const message = answerMessage(answer, settings);
  return {
    ...message,
    title: labels.overdueTitle,
    fields: [
      { label: labels.dueAt, value: formatWhen(overdue.dueAt, settings) },
      { label: labels.assignee, value: overdue.assignee ?? labels.nobody },
      ...message.fields,
    ],
    event: { type: 'case.overdue', data: { ...message.event.data, dueAt: overdue.dueAt.toISOString(), assignee: overdue.assignee } },
  };
}
