import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, openPrompt } from './request';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

async function choose(view: ReturnType<typeof openPrompt>['view'], name: string | RegExp) {
  fireEvent.click(await view().findByRole('radio', { name }));
  fireEvent.click(view().getByRole('button', { name: 'Send' }));
}

describe('every survey type', () => {
  it.each([
    ['nps', 'How likely are you to recommend us to a friend or colleague?', 11, '0, Not at all likely', '10, Extremely likely'],
    ['csat', 'How would you rate your overall satisfaction with what you received?', 5, '1, Very dissatisfied', '5, Very satisfied'],
    ['ces', 'How easy was it to deal with us today?', 7, '1, Very difficult', '7, Very easy'],
  ] as const)('%s asks its question with native radios named by number and anchors', async (type, question, count, low, high) => {
    const { view } = openPrompt({ type });
    const group = await view().findByRole('radiogroup', { name: question });
    expect(within(group).getAllByRole('radio')).toHaveLength(count);
    expect(view().getByRole('radio', { name: low })).toBeTruthy();
    expect(view().getByRole('radio', { name: high })).toBeTruthy();
    expect(view().getByRole('radio', { name: '3' })).toBeTruthy();
  });

  it('CSAT smileys are still radios 1–5 with the anchor text on the ends', async () => {
    const { view, request } = openPrompt({ type: 'csat', style: 'smileys' });
    expect(await view().findAllByRole('radio')).toHaveLength(5);
    await choose(view, '5, Very satisfied');
    await waitFor(() => expect(request.onScore).toHaveBeenCalledWith(5));
  });

  it('ships the contract Thai wording, with lang on the widget root', async () => {
    const { view, host } = openPrompt({ type: 'ces' }, { locale: 'th' });
    expect(await view().findByRole('radiogroup', { name: 'วันนี้การติดต่อกับเราง่ายแค่ไหน' })).toBeTruthy();
    expect(host()!.shadowRoot!.querySelector('.widget')!.getAttribute('lang')).toBe('th');
  });
});

describe('the answer is stored before the visitor moves on', () => {
  it('waits for onScore before the follow-up and for onComplete before thanks', async () => {
    const scoreSaved = deferred();
    const answerSaved = deferred();
    const { view, request } = openPrompt({ type: 'nps' }, {
      onScore: vi.fn(() => scoreSaved.promise),
      onComplete: vi.fn(() => answerSaved.promise),
    });
    await choose(view, '3');
    expect(request.onScore).toHaveBeenCalledWith(3);
    expect(view().queryByRole('textbox')).toBeNull();
    expect(view().getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    scoreSaved.resolve();
    const box = await view().findByRole('textbox', { name: 'What is the main reason for your score?' });
    fireEvent.input(box, { target: { value: '  Slow delivery ' } });
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    expect(request.onComplete).toHaveBeenCalledWith({ comment: 'Slow delivery' });
    expect(view().getByRole('status').textContent).toBe('');
    answerSaved.resolve();
    await waitFor(() => expect(view().getByRole('status').textContent).toBe('Thank you for your feedback!'));
  });

  it('skip completes with nothing added', async () => {
    const { view, request } = openPrompt({ type: 'csat' });
    await choose(view, '4');
    fireEvent.click(await view().findByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({}));
    await waitFor(() => expect(view().getByRole('status').textContent).toContain('Thank you'));
  });

  it('followUp: false goes straight to thanks after the score', async () => {
    const { view, request } = openPrompt({ type: 'ces', followUp: false });
    await choose(view, '6');
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({}));
    expect(view().queryByRole('textbox')).toBeNull();
    await waitFor(() => expect(view().getByRole('status').textContent).toContain('Thank you'));
  });

  it('keeps the score step when storing fails, and says why in the console', async () => {
    const { view, request, log } = openPrompt({}, { onScore: vi.fn(async () => Promise.reject(new Error('disk full'))) });
    await choose(view, '9');
    await waitFor(() => expect(log.error).toHaveBeenCalledWith(expect.stringContaining('disk full')));
    expect(view().getByRole('radiogroup')).toBeTruthy();
    expect(request.onComplete).not.toHaveBeenCalled();
  });
});

describe('reasons, contact and the review link', () => {
  it('sends chosen reason chips, "Other" as other, and the detractor contact consent', async () => {
    const { view, request } = openPrompt({ type: 'nps', reasons: ['Price', 'Delivery'], askContact: true, followUp: false });
    await choose(view, '2');
    const group = await view().findByRole('group', { name: 'What is the main reason for your score?' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Delivery' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Other' }));
    fireEvent.click(view().getByRole('checkbox', { name: 'You may contact me about my answer' }));
    expect(view().queryByRole('textbox')).toBeNull();
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ reasons: ['Delivery', 'other'], contact: true }));
  });

  it('asks for contact only from detractors', async () => {
    const { view } = openPrompt({ type: 'nps', askContact: true });
    await choose(view, /^10/);
    await view().findByRole('textbox');
    expect(view().queryByRole('checkbox')).toBeNull();
  });

  it.each([['detractor', /^1/], ['passive', '3'], ['promoter', /^5/]] as const)('offers the review link on a %s\'s thank-you too (no review gating), after the answer is saved', async (_band, score) => {
    const link = { url: 'https://g.page/r/shop/review', label: { en: 'Review us on Google', th: 'รีวิวเราบน Google' } };
    const { view, request } = openPrompt({ type: 'csat', followUp: false, reviewLink: link });
    await choose(view, score);
    const anchor = await view().findByRole('link', { name: 'Review us on Google' });
    expect(anchor.getAttribute('href')).toBe(link.url);
    expect(request.onComplete).toHaveBeenCalled();
  });

  it('still reads the old name promoterLink, for every band', async () => {
    const { view } = openPrompt({ type: 'nps', followUp: false, promoterLink: { url: 'https://g.page/r/shop/review', label: 'Review us' } });
    await choose(view, '2');
    expect((await view().findByRole('link', { name: 'Review us' })).getAttribute('href')).toBe('https://g.page/r/shop/review');
  });
});
