import { html, raw } from 'hono/html';
import { surveyTypeRegistry, surveyTypes } from 'hearback/receiver';
import type { Lang } from '../app-env';
import { fill } from '../shell/lang';
import { alertsText as t } from './alerts-text';
import { problemsBlock, type FieldProblem } from '../shell/field-problems';
import { commonLabels } from './channel-form';
import type { Channel } from './channel-store';
import { channelKindSpec, channelKindSpecs, type ChannelKind } from './channels/channel-kinds';
import { maskSecret, shownSetting } from './channels/shown-setting';
import type { Condition } from './conditions';
import type { DeliveryStatus, GaveUp } from './delivery-report';
import { describeStored } from './delivery-text';
import type { RuleFields } from './rule-form';
import { casePath } from './message';
import type { Rule } from './rule-store';

export interface PageNotice {
  kind: 'notice' | 'error';
  text: string;
  /** A secret shown once (a generated webhook signing secret). */
  secret?: string;
}

const when = (date: Date, lang: Lang, timeZone: string) =>
  date.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
const hour = (value: number) => `${String(value).padStart(2, '0')}:00`;

function noticeBlock(notice: PageNotice | null) {
  if (!notice) return '';
  return html`<div class="${notice.kind === 'error' ? 'error' : 'notice'}" role="${notice.kind === 'error' ? 'alert' : 'status'}"><p>${notice.text}</p>${notice.secret ? html`<code class="once">${notice.secret}</code>` : ''}</div>`;
}

/** What a channel points at, with its secrets cut to their last four characters. */
function channelTarget(channel: Channel, lang: Lang): string {
  return channelKindSpec(channel.kind).fields
    .filter((spec) => spec.inSummary !== false && typeof channel.config[spec.name] === 'string' && channel.config[spec.name])
    .map((spec) => {
      return `${spec.label[lang]}: ${shownSetting(channel.kind, spec.name, String(channel.config[spec.name]))}`;
    })
    .join(' · ');
}

export function describeCondition(condition: Condition, lang: Lang): string {
  switch (condition.kind) {
    case 'detractor':
      return t.describeDetractor[lang];
    case 'score-at-most':
      return fill(t.describeScore[lang], { type: condition.type.toUpperCase(), max: condition.max });
    case 'context':
      return fill(t.describeContext[lang], { key: condition.key, value: condition.value });
    case 'comment-mentions':
      return fill(t.describeMentions[lang], { text: condition.text });
  }
}

export interface OverviewData {
  lang: Lang;
  isOwner: boolean;
  timeZone: string;
  channels: Channel[];
  rules: Rule[];
  latest: Map<string, DeliveryStatus>;
  failed: GaveUp[];
  maxAttempts: number;
  notice: PageNotice | null;
  /** Whether secrets are stored encrypted (HEARBACK_SECRET_KEY is set). */
  sealing: boolean;
}

/** The alerts settings: channels with their last delivery and a test button, rules, and what gave up. */
export function overview(data: OverviewData) {
  const { lang, isOwner, timeZone } = data;
  const names = new Map(data.channels.map((channel) => [channel.id, channel.name]));
  return html`
<h1>${t.title[lang]}</h1>
<p class="muted lead">${t.lead[lang]}</p>
${isOwner ? '' : html`<p class="muted">${t.staffNote[lang]}</p>`}
${noticeBlock(data.notice)}
<section class="card" aria-labelledby="channels">
  <h2 id="channels">${t.channels[lang]}</h2>
  <p class="muted">${t.channelsLead[lang]}</p>
  ${data.sealing || !data.channels.length ? '' : html`<p class="small muted" data-secrets="plain">${t.secretsPlain[lang]}</p>`}
  <ul class="rows alert-rows">${data.channels.length ? data.channels.map((channel) => {
    const last = data.latest.get(channel.id);
    return html`
    <li>
      <div class="what">
        <strong>${channel.name}</strong> <span class="muted">· ${channelKindSpec(channel.kind).label[lang]} · ${t.langName[channel.locale][lang]}</span>
        <p class="small muted">${channelTarget(channel, lang)}</p>
        ${channel.unreadableSecrets.length ? html`<p class="small error-text">${t.secretsUnreadable[lang]}</p>` : ''}
        <p class="small muted">${[
          channel.quiet ? fill(t.quietSummary[lang], { from: channel.quiet.from, to: channel.quiet.to }) : '',
          channel.digestHour !== null ? fill(t.digestAt[lang], { hour: hour(channel.digestHour) }) : '',
        ].filter(Boolean).join(' · ')}</p>
        <p class="small">${last ? fill(t.lastDelivery[lang], { status: t.status[last.status][lang], when: when(last.at, lang, timeZone) }) : html`<span class="muted">${t.neverSent[lang]}</span>`}
        ${last?.lastError && last.status !== 'sent' ? html`<br><span class="error-text">${last.status === 'pending' || last.status === 'sending' ? fill(t.retrying[lang], { error: describeStored(last.lastError, lang) }) : describeStored(last.lastError, lang)}</span>` : ''}</p>
      </div>
      ${isOwner ? html`<div class="actions">
        <form method="post" action="/alerts/channels/${channel.id}/test"><button class="secondary" aria-label="${fill(t.testLabel[lang], { name: channel.name })}">${t.test[lang]}</button></form>
        <a href="/alerts/channels/${channel.id}" aria-label="${fill(t.editLabel[lang], { name: channel.name })}">${t.edit[lang]}</a>
        <form method="post" action="/alerts/channels/${channel.id}/delete"><button class="link danger" aria-label="${fill(t.deleteLabel[lang], { name: channel.name })}">${t.delete[lang]}</button></form>
      </div>` : ''}
    </li>`;
  }) : html`<li class="muted">${t.noChannels[lang]}</li>`}
  </ul>
  ${isOwner ? html`<p class="add-links">${t.addChannel[lang]} ${channelKindSpecs.map((spec) => html`<a class="button secondary" href="/alerts/channels/new?kind=${spec.kind}">${spec.label[lang]}</a> `)}</p>` : ''}
</section>
<section class="card" aria-labelledby="rules">
  <h2 id="rules">${t.rules[lang]}</h2>
  <p class="muted">${t.rulesLead[lang]}</p>
  <ul class="rows alert-rows">${data.rules.length ? data.rules.map((rule) => html`
    <li>
      <div class="what">
        <strong>${rule.name}</strong> <span class="badge ${rule.enabled ? 'on' : 'off'}">${rule.enabled ? t.enabled[lang] : t.disabled[lang]}</span>
        <p class="small">${rule.conditions.map((c) => describeCondition(c, lang)).join(t.and[lang])}
        → ${rule.channelIds.length ? fill(t.sendsTo[lang], { channels: rule.channelIds.map((id) => names.get(id) ?? '?').join(', ') }) : html`<span class="error-text">${t.sendsNowhere[lang]}</span>`}</p>
      </div>
      ${isOwner ? html`<div class="actions">
        <a href="/alerts/rules/${rule.id}" aria-label="${fill(t.editLabel[lang], { name: rule.name })}">${t.edit[lang]}</a>
        <form method="post" action="/alerts/rules/${rule.id}/delete"><button class="link danger" aria-label="${fill(t.deleteLabel[lang], { name: rule.name })}">${t.delete[lang]}</button></form>
      </div>` : ''}
    </li>`) : html`<li class="muted">${t.noRules[lang]}</li>`}
  </ul>
  ${isOwner ? (data.channels.length ? html`<p><a class="button" href="/alerts/rules/new">${t.addRule[lang]}</a></p>` : html`<p class="muted">${t.needChannelFirst[lang]}</p>`) : ''}
</section>
<section class="card" aria-labelledby="gave-up">
  <h2 id="gave-up">${t.gaveUp[lang]}</h2>
  <p class="muted">${fill(t.gaveUpLead[lang], { tries: data.maxAttempts })}</p>
  <ul class="rows alert-rows">${data.failed.length ? data.failed.map((item) => html`
    <li><div class="what"><strong>${item.channelName}</strong> <span class="muted">· ${when(item.createdAt, lang, timeZone)} · ${fill(t.tries[lang], { count: item.attempts })} ·
      ${item.answerId ? html`<a href="${casePath(item.answerId)}">${t.answerLink[lang]}</a>` : fill(t.digestOf[lang], { date: item.digestDate ?? '' })}</span>
      <p class="small error-text">${describeStored(item.lastError, lang)}</p></div></li>`) : html`<li class="muted">${t.noneGaveUp[lang]}</li>`}
  </ul>
</section>`;
}

function field(id: string, label: string, control: ReturnType<typeof html> | string, hint: string, invalid: boolean) {
  return html`<div class="field${invalid ? ' invalid' : ''}"><label for="f-${id}">${label}</label>${control}<p class="small muted" id="h-${id}">${hint}</p></div>`;
}

/** The form for one channel: its kind's settings, language, quiet hours and digest hour. */
export function channelForm(options: {
  lang: Lang;
  kind: ChannelKind;
  channel: Channel | null;
  values: Record<string, string>;
  problems: FieldProblem[];
  timeZone: string;
}) {
  const { lang, kind, channel, values, problems, timeZone } = options;
  const wrong = new Set(problems.map((p) => p.field));
  const attrs = (id: string) => raw(`id="f-${id}" name="${id}" aria-describedby="h-${id}"${wrong.has(id) ? ' aria-invalid="true"' : ''}`);
  const kindSpec = channelKindSpec(kind);
  const title = channel ? fill(t.editChannel[lang], { name: channel.name }) : fill(t.addChannelOf[lang], { kind: kindSpec.label[lang] });
  const kindFields = kindSpec.fields.map((spec) => {
    const saved = channel?.config[spec.name];
    const secret = spec.secret === true;
    const hint = secret && typeof saved === 'string' && saved ? `${spec.hint[lang]} ${fill(t.secretKept[lang], { masked: maskSecret(saved) })}` : spec.hint[lang];
    const required = !spec.optional && !(secret && saved);
    const control = spec.input === 'select'
      ? html`<select ${attrs(spec.name)}>${spec.options!.map((option) => html`<option value="${option.value}"${values[spec.name] === option.value ? raw(' selected') : ''}>${option.label[lang]}</option>`)}</select>`
      : html`<input ${attrs(spec.name)} type="${spec.input}" ${secret ? raw('autocomplete="off" value=""') : html`value="${values[spec.name] ?? ''}"`}${required ? raw(' required') : ''}${spec.autocomplete ? raw(` autocomplete="${spec.autocomplete}"`) : ''}>`;
    return field(spec.name, spec.label[lang], control, hint, wrong.has(spec.name));
  });
  return html`
<h1>${title}</h1>
<p><a href="/alerts">← ${t.cancel[lang]}</a></p>
${problemsBlock(problems, lang)}
<form method="post" action="${channel ? `/alerts/channels/${channel.id}` : '/alerts/channels'}" class="card alert-form">
  <input type="hidden" name="kind" value="${kind}">
  ${field('name', commonLabels.name[lang], html`<input ${attrs('name')} type="text" maxlength="80" required value="${values.name ?? ''}">`, t.channelNameHint[lang], wrong.has('name'))}
  ${kindFields}
  ${kindSpec.guide ? html`<p class="small"><a href="${kindSpec.guide.url}" target="_blank" rel="noopener">${kindSpec.guide.label[lang]}</a></p>` : ''}
  ${field('locale', t.language[lang], html`<select ${attrs('locale')}>${(['th', 'en'] as const).map((code) => html`<option value="${code}"${(values.locale ?? 'th') === code ? raw(' selected') : ''}>${t.langName[code][lang]}</option>`)}</select>`, '', wrong.has('locale'))}
  <fieldset class="pair" aria-describedby="h-quiet">
    <legend>${t.quietHours[lang]}</legend>
    <p class="small muted" id="h-quiet">${fill(t.quietHint[lang], { zone: timeZone })}</p>
    <div><label for="f-quietFrom">${t.quietFrom[lang]}</label><input id="f-quietFrom" name="quietFrom" type="time" value="${values.quietFrom ?? ''}"${wrong.has('quietFrom') ? raw(' aria-invalid="true"') : ''}></div>
    <div><label for="f-quietTo">${t.quietTo[lang]}</label><input id="f-quietTo" name="quietTo" type="time" value="${values.quietTo ?? ''}"></div>
  </fieldset>
  ${field('digestHour', t.digest[lang], html`<select ${attrs('digestHour')}><option value="">${t.digestOff[lang]}</option>${Array.from({ length: 24 }, (_, h) => html`<option value="${h}"${values.digestHour === String(h) ? raw(' selected') : ''}>${hour(h)}</option>`)}</select>`, t.digestHint[lang], wrong.has('digestHour'))}
  <button type="submit">${t.save[lang]}</button>
</form>`;
}

/** The form for one rule: conditions (all must hold) and the channels it sends to. */
export function ruleForm(options: { lang: Lang; rule: Rule | null; values: RuleFields; channels: Channel[]; problems: FieldProblem[] }) {
  const { lang, rule, values, channels, problems } = options;
  const wrong = new Set(problems.map((p) => p.field));
  const invalid = (id: string) => (wrong.has(id) ? raw(' aria-invalid="true"') : '');
  const checked = (on: boolean) => (on ? raw(' checked') : '');
  return html`
<h1>${rule ? fill(t.editRule[lang], { name: rule.name }) : t.addRule[lang]}</h1>
<p><a href="/alerts">← ${t.cancel[lang]}</a></p>
${problemsBlock(problems, lang)}
<form method="post" action="${rule ? `/alerts/rules/${rule.id}` : '/alerts/rules'}" class="card alert-form">
  <div class="field"><label for="f-name">${t.name[lang]}</label><input id="f-name" name="name" type="text" maxlength="80" required value="${values.name}"${invalid('name')}></div>
  <div class="field check"><input id="f-enabled" name="enabled" type="checkbox"${checked(values.enabled)}><label for="f-enabled">${t.ruleEnabled[lang]}</label></div>
  <fieldset>
    <legend>${t.conditions[lang]}</legend>
    <p class="small muted">${t.conditionsHint[lang]}</p>
    <div class="field check"><input id="f-detractor" name="detractor" type="checkbox"${checked(values.detractor)}${invalid('detractor')}><label for="f-detractor">${t.anyDetractor[lang]}</label></div>
    <div class="pair">
      <div><label for="f-scoreMax">${t.scoreAtMost[lang]}</label><input id="f-scoreMax" name="scoreMax" type="number" min="0" max="10" step="1" value="${values.scoreMax}"></div>
      <div><label for="f-scoreType">${t.scoreType[lang]}</label><select id="f-scoreType" name="scoreType"${invalid('scoreType')}>
        <option value="">${t.anyType[lang]}</option>${surveyTypes.map((type) => html`<option value="${type}"${values.scoreType === type ? raw(' selected') : ''}>${surveyTypeRegistry[type].label[lang]}</option>`)}</select></div>
    </div>
    <p class="small strong" id="h-context">${t.contextIs[lang]}</p>
    <div class="pair">
      <div><label for="f-contextKey">${t.contextKey[lang]}</label><input id="f-contextKey" name="contextKey" type="text" maxlength="100" value="${values.contextKey}" aria-describedby="h-context"${invalid('contextKey')}></div>
      <div><label for="f-contextValue">${t.contextValue[lang]}</label><input id="f-contextValue" name="contextValue" type="text" maxlength="500" value="${values.contextValue}" aria-describedby="h-context"></div>
    </div>
    <div class="field"><label for="f-mentions">${t.mentions[lang]}</label><input id="f-mentions" name="mentions" type="text" maxlength="200" value="${values.mentions}"${invalid('mentions')}></div>
  </fieldset>
  <fieldset id="f-channels" tabindex="-1">
    <legend>${t.sendTo[lang]}</legend>
    ${channels.map((channel) => html`<div class="field check"><input id="c-${channel.id}" name="channels" type="checkbox" value="${channel.id}"${checked(values.channelIds.includes(channel.id))}><label for="c-${channel.id}">${channel.name} <span class="muted">(${channelKindSpec(channel.kind).label[lang]})</span></label></div>`)}
  </fieldset>
  <button type="submit">${t.save[lang]}</button>
</form>`;
}
