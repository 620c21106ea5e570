import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fill, pickText } from '../../../src/ui/texts';
import { languageImports } from '../../../src/i18n/language-imports';
import { openPrompt } from './request';

afterEach(() => document.body.replaceChildren());

type View = ReturnType<ReturnType<typeof openPrompt>['view']>;
async function choose(view: () => View, name: RegExp, send = 'Send') {
  fireEvent.click(await view().findByRole('radio', { name }));
  fireEvent.click(view().getByRole('button', { name: send }));
}

const bands = {
  followUp: { detractor: 'What went wrong, {user.name}?', promoter: { en: 'What did you love?', th: 'คุณชอบอะไรที่สุด' } },
  thankYou: { detractor: 'Sorry about that. We will do better.', passive: 'Thanks!', promoter: 'Thanks, {user.name}!' },
};

describe('band-specific follow-ups and thank-yous', () => {
  it('a detractor gets the detractor follow-up and thank-you, with placeholders filled', async () => {
    const { view } = openPrompt({ type: 'nps', ...bands }, { values: { 'user.name': 'Somchai' } });
    await choose(view, /^4/);
    expect(await view().findByRole('textbox', { name: 'What went wrong, Somchai?' })).toBeTruthy();
    fireEvent.click(view().getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(view().getByRole('status').textContent).toBe('Sorry about that. We will do better.'));
  });

  it('a promoter gets the promoter texts in the prompt language; an unknown name is left out cleanly', async () => {
    const { view } = openPrompt({ type: 'ces', ...bands }, { locale: 'th' });
    await choose(view, /^7/, 'ส่ง');
    await view().findByRole('textbox', { name: 'คุณชอบอะไรที่สุด' });
    fireEvent.click(view().getByRole('button', { name: 'ข้าม' }));
    await waitFor(() => expect(view().getByRole('status').textContent).toBe('Thanks!'));
  });

  it('a band without its own text falls back to the built-in wording', async () => {
    const { view } = openPrompt({ type: 'csat', ...bands });
    await choose(view, /^3/);
    expect(await view().findByRole('textbox', { name: 'What is the main reason for your score?' })).toBeTruthy();
  });
});

describe('overrides and placeholders', () => {
  it('overrides the question per locale, filled from context values', async () => {
    const question = { en: 'How was {product}?', th: 'คุณพอใจกับ{product}แค่ไหน' };
    const th = openPrompt({ type: 'csat', question }, { locale: 'th-TH', values: { product: 'ชาไทย' } });
    expect(await th.view().findByRole('radiogroup', { name: 'คุณพอใจกับชาไทยแค่ไหน' })).toBeTruthy();
    th.ui.destroy();
    const de = openPrompt({ type: 'csat', question }, { locale: 'sw', values: { product: 'Thai tea' } });
    expect(await de.view().findByRole('radiogroup', { name: 'How was Thai tea?' })).toBeTruthy();
  });

  it('renders configuration as text: an <img onerror> question never becomes an element', async () => {
    const attack = '<img src=x onerror="window.pwned=1">';
    const { view, host } = openPrompt({ question: attack, thankYou: '<script>window.pwned=1</script>' }, { values: { product: '<b>x</b>' } });
    expect(await view().findByRole('radiogroup', { name: attack })).toBeTruthy();
    expect(host()!.shadowRoot!.querySelector('img,script,b')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('pickText and fill: exact tag, language, English, then the first; unknown placeholders vanish', () => {
    expect(pickText({ 'pt-BR': 'Olá', en: 'Hi' }, 'pt-BR')).toBe('Olá');
    expect(pickText({ th: 'สวัสดี', en: 'Hi' }, 'th-TH')).toBe('สวัสดี');
    expect(pickText({ fr: 'Salut', en: 'Hi' }, 'ja')).toBe('Hi');
    expect(pickText({ fr: 'Salut' }, 'ja')).toBe('Salut');
    expect(pickText({ promoter: 'Yay' }, 'en', 'passive')).toBeUndefined();
    expect(fill('Thanks, {user.name}!', {})).toBe('Thanks!');
    expect(fill('{user.name}, how was it?', {})).toBe('how was it?');
    expect(fill('Order {orderId} for {user.name}', { orderId: 17, 'user.name': { nested: 1 } })).toBe('Order 17 for');
  });
});

describe('locales', () => {
  it.each([
    ['ja', '友人や同僚に当社を薦める可能性はどのくらいありますか？', 'ltr'],
    ['ar', 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟', 'rtl'],
    ['es-MX', '¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?', 'ltr'],
    ['xx', 'How likely are you to recommend us to a friend or colleague?', 'ltr'],
  ])('%s: built-in wording and direction on the widget root', async (locale, question, dir) => {
    // The engine loads a language's own table before it opens a prompt in it.
    const tag = locale.split('-')[0];
    const languages = tag in languageImports ? { [tag]: (await languageImports[tag]()).table } : {};
    const { view, host } = openPrompt({ type: 'nps' }, { locale }, languages);
    expect(await view().findByRole('radiogroup', { name: question })).toBeTruthy();
    const root = host()!.shadowRoot!.querySelector('.widget')!;
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).toEqual([locale, dir]);
  });
});
