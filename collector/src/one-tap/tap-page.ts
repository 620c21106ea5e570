import { html } from 'hono/html';
import { fill } from '../shell/lang';
import type { Html } from '../shell/page';
import type { LinkSurvey } from '../links/link-survey';
import { linkTexts, type LinkLocale } from '../links/link-texts';
import type { ShopLook } from '../site-settings/shop-look';
import { publicPage } from '../links/survey-page';
import { maxCommentLength } from 'hearback/receiver';
import { anchorsOf, questionOf } from './email-block';
import { oneTapWords as words } from './one-tap-words';
import { scoresOf } from './tap-link';

export interface TapFrame {
  locale: LinkLocale;
  look: ShopLook;
  /** The same page in the other language (every other parameter kept). */
  switchHref?: string;
}

const frame = ({ locale, look, switchHref }: TapFrame, main: Html) => {
  const other: LinkLocale = locale === 'th' ? 'en' : 'th';
  return publicPage(locale, look, {
    scripts: false,
    styles: ['one-tap'],
    switchLink: switchHref ? html`<a class="switch" href="${switchHref}" lang="${other}" hreflang="${other}">${linkTexts[locale].switchTo}</a>` : undefined,
    main,
  });
};

/**
 * The page a one-tap link opens: the question with the score from the email already chosen (a
 * radio the customer may change) and a button that records it. Opening the page records nothing:
 * mail scanners and link previews open every link in an email, and only the customer presses the
 * button (a form POST, so it works without JavaScript). The SMS link opens it with no score chosen.
 */
export function tapPage(input: TapFrame & { survey: Pick<LinkSurvey, 'type' | 'question'>; score?: number; action: string; noScore?: boolean }): Html {
  const { locale, survey, score } = input;
  const [low, high] = anchorsOf(survey.type, locale);
  const scores = scoresOf(survey.type);
  return frame(input, html`<form method="post" action="${input.action}" class="tap-form">
<fieldset aria-describedby="tap-anchors">
<legend>${questionOf(survey, locale)}</legend>
<p class="tap-hint">${score === undefined ? words.chooseHint[locale] : words.confirmHint[locale]}</p>
${input.noScore ? html`<p class="tap-problem" role="alert">${words.noScore[locale]}</p>` : ''}
<div class="scores scores-${scores.length}">${scores.map((value) => html`<label class="score"><input type="radio" name="score" value="${value}"${value === score ? html` checked` : ''}><span>${value}</span></label>`)}</div>
<p class="anchors" id="tap-anchors"><span>${scores[0]} = ${low}</span><span>${scores.at(-1)} = ${high}</span></p>
</fieldset>
<button type="submit" class="confirm">${words.confirm[locale]}</button>
</form>`);
}

/** After the tap: the score is counted; the optional "why" and a button to send it. */
export function followUpPage(input: TapFrame & { score: number; action: string; id: string; key: string }): Html {
  const { locale } = input;
  return frame(input, html`<p class="notice counted" role="status">${fill(words.counted[locale], { score: input.score })}</p>
<form method="post" action="${input.action}" class="tap-form">
<input type="hidden" name="id" value="${input.id}">
<input type="hidden" name="key" value="${input.key}">
<label for="tap-comment">${words.followUp[locale]}</label>
<textarea id="tap-comment" name="comment" rows="4" maxlength="${maxCommentLength}"></textarea>
<button type="submit" class="confirm">${words.sendComment[locale]}</button>
</form>`);
}

/** A page that only says something: thanks, already counted, a changed link, a survey that is gone. */
export function tapNotice(input: TapFrame & { text: string }): Html {
  return frame(input, html`<p class="notice" role="status">${input.text}</p>`);
}

/** The unsubscribe page: a button (a scanner opening the link unsubscribes nobody), or the result. */
export function unsubscribePage(input: TapFrame & { email: string; action?: string }): Html {
  const { locale } = input;
  return frame(input, input.action
    ? html`<form method="post" action="${input.action}" class="tap-form">
<h2>${words.unsubscribeTitle[locale]}</h2>
<p>${fill(words.unsubscribeAsk[locale], { email: input.email })}</p>
<button type="submit" class="confirm">${words.unsubscribeButton[locale]}</button>
</form>`
    : html`<p class="notice" role="status">${fill(words.unsubscribed[locale], { email: input.email })}</p>`);
}
