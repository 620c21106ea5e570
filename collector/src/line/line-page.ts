import { html, raw } from 'hono/html';
import type { Lang } from '../app-env';
import { maskSecret } from '../alerts/channels/shown-setting';
import { fill } from '../shell/lang';
import type { Html } from '../shell/page';
import type { ChatSurvey } from './chat-survey';
import type { LineAccount } from './line-account';
import type { Quota } from './line-client';
import type { LineGroup } from './line-groups';
import { lineWords as w } from './line-words';

export interface LinePageInput {
  lang: Lang;
  account: LineAccount;
  /** The secrets as stored (masked for display). */
  masked: { channelSecret: string; channelToken: string };
  sealing: boolean;
  webhookUrl: string;
  surveys: ChatSurvey[];
  /** The chat link the QR code opens, and the code as SVG; undefined until the bot's basic id is known. */
  chat?: { link: string; qrSvg: string };
  quota: { ok: true; quota: Quota } | { ok: false; error: string } | undefined;
  groups: LineGroup[];
  /** What the form had when it was refused. */
  values?: { keywordTh: string; keywordEn: string; surveyId: string };
  notice?: { kind: 'notice' | 'error'; text: string };
  problems?: string[];
  apiExample: string;
}

function secretField(lang: Lang, input: LinePageInput, name: 'channelSecret' | 'channelToken', env: string) {
  const label = name === 'channelSecret' ? w.secret[lang] : w.token[lang];
  const hint = name === 'channelSecret' ? w.secretHint[lang] : w.tokenHint[lang];
  const source = input.account.sources[name];
  const help = source === 'env' ? fill(w.fromEnv[lang], { name: env })
    : input.account.unreadable.includes(name) ? w.unreadable[lang]
    : input.masked[name] ? fill(w.keepSaved[lang], { masked: input.masked[name] }) : hint;
  return html`<label>${label}
  <input type="password" name="${name}" autocomplete="off" ${source === 'env' ? raw('disabled') : ''} aria-describedby="${name}-help" placeholder="${source === 'env' ? '••••••••' : ''}">
  <small id="${name}-help" class="muted">${help}</small></label>`;
}

/** A link as people read it: `%E0%B8%AB…` shown as the Thai it is. */
const readable = (link: string) => {
  try {
    return decodeURI(link).replace(/%40/g, '@');
  } catch {
    return link;
  }
};

/** The owner's LINE page: connection, the chat survey, the counter QR code, pushing, quota, groups. */
export function linePage(input: LinePageInput): Html {
  const { lang, account } = input;
  const values = input.values ?? { keywordTh: account.keywords.th, keywordEn: account.keywords.en, surveyId: account.surveyId };
  const quota = input.quota;
  return html`<div class="line-page"><h1>${w.title[lang]}</h1>
<p class="muted">${w.intro[lang]}</p>
${input.notice ? html`<p class="${input.notice.kind}" role="${input.notice.kind === 'error' ? 'alert' : 'status'}">${input.notice.text}</p>` : ''}
${input.problems?.length ? html`<div class="error" role="alert"><p>${w.problems[lang]}</p><ul>${input.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form method="post" action="/line">
<section class="card" aria-labelledby="line-connect">
  <h2 id="line-connect">${w.connect[lang]}</h2>
  <p><strong>${account.basicId ? fill(w.connectedAs[lang], { name: account.botName || account.basicId, basicId: account.basicId }) : w.notConnected[lang]}</strong></p>
  <ol>${w.steps[lang].map((step) => html`<li>${step}</li>`)}</ol>
  ${secretField(lang, input, 'channelSecret', 'HEARBACK_LINE_CHANNEL_SECRET')}
  ${secretField(lang, input, 'channelToken', 'HEARBACK_LINE_CHANNEL_TOKEN')}
  ${input.sealing ? '' : html`<p class="muted">${w.notSealed[lang]}</p>`}
  <label>${w.webhook[lang]}<input type="text" readonly value="${input.webhookUrl}" id="line-webhook-url"></label>
  <p class="actions"><button type="submit">${w.save[lang]}</button><button type="submit" formaction="/line/check" class="button secondary">${w.check[lang]}</button></p>
</section>
<section class="card" aria-labelledby="line-survey">
  <h2 id="line-survey">${w.survey[lang]}</h2>
  <label>${w.surveyField[lang]}
  <select name="surveyId" aria-describedby="survey-help">
    <option value="">${w.noSurvey[lang]}</option>
    ${input.surveys.filter((s) => !s.singleUse).map((s) => html`<option value="${s.id}" ${s.id === values.surveyId ? raw('selected') : ''}>${s.id} (${s.type.toUpperCase()})</option>`)}
  </select><small id="survey-help" class="muted">${w.surveyHint[lang]}</small></label>
  <label>${w.keywordTh[lang]}<input type="text" name="keywordTh" lang="th" maxlength="40" required value="${values.keywordTh}" aria-describedby="keyword-help"></label>
  <label>${w.keywordEn[lang]}<input type="text" name="keywordEn" lang="en" maxlength="40" required value="${values.keywordEn}" aria-describedby="keyword-help"></label>
  <small id="keyword-help" class="muted">${w.keywordHint[lang]}</small>
  <p><button type="submit">${w.save[lang]}</button></p>
</section>
</form>
<section class="card" aria-labelledby="line-qr">
  <h2 id="line-qr">${w.qr[lang]}</h2>
  ${input.chat ? html`<p class="muted">${w.qrHint[lang]}</p>
  <div class="links-result"><div class="qr" role="img" aria-label="QR: ${input.chat.link}">${raw(input.chat.qrSvg)}</div></div>
  <p><code>${readable(input.chat.link)}</code></p>
  <p><a href="/line/poster?lang=th">A5 ไทย</a> · <a href="/line/poster?lang=en">A5 English</a> · <a href="/line/tent?lang=th">A6 ไทย</a> · <a href="/line/tent?lang=en">A6 English</a></p>`
    : html`<p class="muted">${w.qrNeedsCheck[lang]}</p>`}
</section>
<section class="card" aria-labelledby="line-push">
  <h2 id="line-push">${w.push[lang]}</h2>
  <p class="muted">${w.pushHint[lang]}</p>
  <pre><code>${input.apiExample}</code></pre>
</section>
<section class="card" aria-labelledby="line-quota">
  <h2 id="line-quota">${w.quota[lang]}</h2>
  <p id="line-quota-text">${!quota ? w.quotaNone[lang]
    : !quota.ok ? fill(w.quotaUnknown[lang], { error: quota.error })
    : quota.quota.limit === null ? fill(w.quotaUnlimited[lang], { used: quota.quota.used.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB') })
    : fill(w.quotaUsed[lang], { used: quota.quota.used.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB'), limit: quota.quota.limit.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB') })}</p>
  ${quota?.ok && quota.quota.limit ? html`<progress max="${quota.quota.limit}" value="${Math.min(quota.quota.used, quota.quota.limit)}" aria-labelledby="line-quota-text"></progress>` : ''}
</section>
<section class="card" aria-labelledby="line-groups">
  <h2 id="line-groups">${w.groups[lang]}</h2>
  <p class="muted">${w.groupsHint[lang]}</p>
  ${input.groups.length ? html`<ul class="rows">${input.groups.map((group) => html`<li><span>${group.name || w.unnamedGroup[lang]} <span class="muted">· ${group.id}</span></span>
    <a href="/alerts/channels/new?kind=line&amp;to=${group.id}&amp;name=${encodeURIComponent(group.name)}">${w.useForAlerts[lang]}</a></li>`)}</ul>`
    : html`<p>${w.noGroups[lang]}</p>`}
</section></div>`;
}

/** A secret saved in the app as the page shows it (its last 4 characters at most); nothing for one from the environment. */
export const maskedSecret = (account: LineAccount, field: 'channelSecret' | 'channelToken') =>
  (account.sources[field] === 'app' ? maskSecret(account[field]) : '');
