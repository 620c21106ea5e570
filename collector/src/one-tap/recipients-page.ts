import { html } from 'hono/html';
import { fill } from '../shell/lang';
import type { Html } from '../shell/page';
import { allowedLinkKeys, type LinkSurvey } from '../links/link-survey';
import type { LinkLocale } from '../links/link-texts';
import { oneTapWords as words } from './one-tap-words';
import type { Recipient } from './recipient-store';
import { maxRecipientRows, type RecipientProblem } from './recipients-csv';
import type { SentCount } from './sent-counts';
import { maxPerMinute } from './email-queue';

export interface RecipientsPageInput {
  lang: LinkLocale;
  survey: LinkSurvey;
  recipients: Recipient[];
  total: number;
  /** The email alert channels whose SMTP server may send: id and name. */
  smtpChannels: { id: string; name: string }[];
  senderName: string;
  counts: SentCount[];
  importProblems?: RecipientProblem[];
  sendProblems?: string[];
  /** What the last action did, said at the top. */
  done?: string;
}

/** `/links/<id>/recipients` (owner): import, send or export, who answered, and the counts per channel and day. */
export function recipientsPage(input: RecipientsPageInput): Html {
  const { lang, survey } = input;
  const base = `/links/${survey.id}/recipients`;
  return html`<p><a href="/links/${survey.id}">← ${survey.id}</a></p>
<h1>${words.title[lang]}: <code>${survey.id}</code></h1>
<p class="lead">${words.intro[lang]}</p>
${input.done ? html`<p class="links-saved" role="status">${input.done}</p>` : ''}
<div class="links-forms">
<form method="post" action="${base}" enctype="multipart/form-data" class="card links-form" aria-labelledby="import-title">
<h2 id="import-title">${words.importTitle[lang]}</h2>
<p class="muted hint" id="import-hint">${fill(words.importHint[lang], { keys: allowedLinkKeys(survey).join(', ') || '—', max: maxRecipientRows.toLocaleString('en') })}</p>
${input.importProblems?.length ? importProblems(lang, input.importProblems) : ''}
<label for="import-file">${words.file[lang]}</label>
<input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-hint"${input.importProblems?.length ? html` aria-invalid="true"` : ''}>
<button type="submit">${words.importButton[lang]}</button>
</form>
<form method="post" action="${base}/send" class="card links-form" aria-labelledby="send-title">
<h2 id="send-title">${words.sendTitle[lang]}</h2>
<p class="muted hint">${words.sendHint[lang]}</p>
${input.sendProblems?.length ? html`<div class="problems" role="alert"><p>${words.sendProblems[lang]}</p><ul>${input.sendProblems.map((line) => html`<li>${line}</li>`)}</ul></div>` : ''}
${input.smtpChannels.length === 0 ? html`<p>${words.noSmtp[lang]} <a href="/alerts">${words.addSmtp[lang]}</a></p>` : html`<label for="send-channel">${words.smtp[lang]}</label>
<select id="send-channel" name="channel">${input.smtpChannels.map((channel) => html`<option value="${channel.id}">${channel.name}</option>`)}</select>
<label for="send-sender">${words.senderName[lang]}</label>
<input id="send-sender" name="senderName" value="${input.senderName}" maxlength="80">
<label for="send-rate">${words.perMinute[lang]}</label>
<input id="send-rate" name="perMinute" type="number" min="1" max="${maxPerMinute}" value="60" inputmode="numeric">
<button type="submit">${words.sendButton[lang]}</button>`}
<p><a href="${base}/preview?lang=${lang}" target="_blank">${words.preview[lang]}</a></p>
</form>
<section class="card links-form" aria-labelledby="export-title">
<h2 id="export-title">${words.exportTitle[lang]}</h2>
<p class="muted hint">${words.exportHint[lang]}</p>
<p><a class="button secondary" href="${base}.csv" download="${survey.id}-links.csv">${words.exportButton[lang]}</a></p>
</section>
</div>
<section aria-labelledby="recipients-title">
<h2 id="recipients-title">${words.recipients[lang]}</h2>
${input.total === 0 ? html`<p>${words.none[lang]}</p>` : html`<p class="muted">${fill(words.shownNewest[lang], { shown: input.recipients.length, total: input.total })}</p>
<div class="links-table-wrap"><table class="links-table stack-table">
<thead><tr><th scope="col">${words.name[lang]}</th><th scope="col">${words.address[lang]}</th><th scope="col">${words.state[lang]}</th></tr></thead>
<tbody>${input.recipients.map((recipient) => html`<tr>
<th scope="row">${recipient.name || '—'}${recipient.context.order ? html` <span class="muted">#${recipient.context.order}</span>` : ''}</th>
<td data-label="${words.address[lang]}">${[recipient.email, recipient.phone].filter(Boolean).join(' · ')}</td>
<td data-label="${words.state[lang]}">${recipient.answerId ? words.answered[lang] : words.waiting[lang]}${recipient.emailStatus ? html` · ${words.statuses[recipient.emailStatus][lang]}` : ''}</td>
</tr>`)}</tbody></table></div>`}
</section>
${input.counts.length ? countsTable(lang, input.counts) : ''}`;
}

function importProblems(lang: LinkLocale, problems: RecipientProblem[]): Html {
  const shown = problems.slice(0, 50);
  return html`<div class="problems" role="alert"><p>${words.importProblems[lang]}</p><ul>${shown.map((problem) => html`<li>${problem.row ? `${fill(words.row[lang], { row: problem.row })}` : ''}${problem.column ? `${problem.row ? ', ' : ''}${fill(words.column[lang], { column: problem.column })}` : ''}: ${problem.message[lang]}</li>`)}${problems.length > shown.length ? html`<li>… +${problems.length - shown.length}</li>` : ''}</ul></div>`;
}

function countsTable(lang: LinkLocale, counts: SentCount[]): Html {
  return html`<section aria-labelledby="counts-title">
<h2 id="counts-title">${words.countsTitle[lang]}</h2>
<div class="links-table-wrap"><table class="links-table">
<thead><tr><th scope="col">${words.day[lang]}</th><th scope="col">${words.channel[lang]}</th><th scope="col">${words.sentCount[lang]}</th><th scope="col">${words.answeredCount[lang]}</th><th scope="col">${words.commentedCount[lang]}</th></tr></thead>
<tbody>${counts.map((count) => html`<tr><th scope="row">${count.day}</th><td>${count.channel === 'sms' ? 'SMS' : 'Email'}</td><td>${count.sent}</td><td>${count.answered}</td><td>${count.commented}</td></tr>`)}</tbody>
</table></div>
</section>`;
}
