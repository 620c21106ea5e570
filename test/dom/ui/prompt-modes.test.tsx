import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPrompt } from './request';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

type View = ReturnType<ReturnType<typeof openPrompt>['view']>;
async function choose(view: () => View, name: RegExp) {
  fireEvent.click(await view().findByRole('radio', { name }));
  fireEvent.click(view().getByRole('button', { name: 'Send' }));
}

describe('keyboard and closing', () => {
  it('arrow keys on the scale never submit; Escape dismisses', async () => {
    const { view, request, host } = openPrompt({ type: 'nps' });
    const radio = await view().findByRole('radio', { name: '5' });
    fireEvent.click(radio);
    fireEvent.keyDown(radio, { key: 'ArrowRight' });
    fireEvent.keyDown(radio, { key: 'ArrowLeft' });
    expect(request.onScore).not.toHaveBeenCalled();
    fireEvent.keyDown(radio, { key: 'Escape' });
    expect(request.onClose).toHaveBeenCalledWith('dismiss');
    expect(host()).toBeNull();
  });

  it('the labelled close button dismisses; after thanks it reports done', async () => {
    const first = openPrompt({ type: 'csat' });
    fireEvent.click(await first.view().findByRole('button', { name: 'Close' }));
    expect(first.request.onClose).toHaveBeenCalledWith('dismiss');

    const second = openPrompt({ type: 'csat', followUp: false });
    await choose(second.view, /^4/);
    await waitFor(() => expect(second.view().getByRole('status').textContent).toContain('Thank you'));
    fireEvent.click(second.view().getByRole('button', { name: 'Close' }));
    expect(second.request.onClose).toHaveBeenCalledWith('done');
    expect(second.request.onClose).toHaveBeenCalledTimes(1);
  });

  it('a popup closes itself a few seconds after thanks, reporting done once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { view, request, host, ui } = openPrompt({ type: 'ces', followUp: false });
    await choose(view, /^6/);
    await vi.waitFor(() => expect(view().getByRole('status').textContent).toContain('Thank you'));
    expect(ui.isOpen()).toBe(true);
    vi.advanceTimersByTime(6000);
    expect(request.onClose).toHaveBeenCalledWith('done');
    expect(host()).toBeNull();
    expect(ui.isOpen()).toBe(false);
  });

  it('engine close(): no dismiss before a score, done once a score was given', async () => {
    const early = openPrompt();
    await early.view().findByRole('radiogroup');
    early.ui.close();
    expect(early.request.onClose).not.toHaveBeenCalled();
    expect(early.host()).toBeNull();

    const late = openPrompt();
    await choose(late.view, /^8/);
    await late.view().findByRole('textbox');
    late.ui.close();
    expect(late.request.onClose).toHaveBeenCalledWith('done');
  });

  it('minimise leaves a button that reopens the prompt where it was', async () => {
    const { view, request } = openPrompt({ type: 'nps' });
    fireEvent.click(await view().findByRole('radio', { name: '7' }));
    fireEvent.click(view().getByRole('button', { name: 'Minimise' }));
    const reopen = await view().findByRole('button', { name: 'Feedback' });
    expect(view().queryByRole('radiogroup')).toBeNull();
    fireEvent.click(reopen);
    expect(((await view().findByRole('radio', { name: '7' })) as HTMLInputElement).checked).toBe(true);
    expect(request.onClose).not.toHaveBeenCalled();
  });
});

describe('focus', () => {
  it('an automatic prompt does not steal focus', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    const { view } = openPrompt({}, { takeFocus: false });
    await view().findByRole('radiogroup');
    expect(document.activeElement).toBe(button);
  });

  it('a prompt opened on click moves focus to the question (no score looks chosen), then to each next step', async () => {
    const { view, host } = openPrompt({ type: 'csat' }, { takeFocus: true });
    const group = await view().findByRole('radiogroup');
    await waitFor(() => expect(host()!.shadowRoot!.activeElement).toBe(group));
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(host()!.shadowRoot!.activeElement).toBe(view().getByRole('radio', { name: /^1/ }));
    expect(view().getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    await choose(view, /^2/);
    await waitFor(() => expect(host()!.shadowRoot!.activeElement).toBe(view().getByRole('textbox')));
  });
});

describe('modes', () => {
  it('inline mounts into its target and reports done once thanks is up', async () => {
    const slot = document.body.appendChild(document.createElement('div'));
    slot.id = 'slot';
    const { view, request, ui } = openPrompt({ type: 'csat', mode: 'inline', target: '#slot', followUp: false });
    expect(slot.querySelector('hearback-prompt')).not.toBeNull();
    expect(view().queryByRole('button', { name: 'Close' })).toBeNull();
    await choose(view, /^5/);
    await waitFor(() => expect(request.onClose).toHaveBeenCalledWith('done'));
    expect(view().getByRole('status').textContent).toContain('Thank you');
    expect(ui.isOpen()).toBe(false);
  });

  it('inline with a missing target logs one error and shows nothing', () => {
    const { log, host, ui } = openPrompt({ mode: 'inline', target: '#nowhere' });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('#nowhere'));
    expect(host()).toBeNull();
    expect(ui.isOpen()).toBe(false);
  });

  it('kiosk returns to the first question after thanks; the next score is a new answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { view, request } = openPrompt({ type: 'nps', mode: 'kiosk', kioskResetSeconds: 8 });
    await choose(view, /^9/);
    fireEvent.click(await vi.waitFor(() => view().getByRole('button', { name: 'Done' })));
    await vi.waitFor(() => expect(view().getByRole('status').textContent).toContain('Thank you'));
    vi.advanceTimersByTime(7000);
    expect(view().queryByRole('radiogroup')).toBeNull();
    vi.advanceTimersByTime(1000);
    const radio = await vi.waitFor(() => view().getByRole('radio', { name: '3' }) as HTMLInputElement);
    expect(view().getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(view().getByRole('status').textContent).toBe('');
    fireEvent.click(radio);
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(request.onScore).toHaveBeenLastCalledWith(3));
    expect(request.onScore).toHaveBeenCalledTimes(2);
    expect(request.onClose).not.toHaveBeenCalled();
  });

  it('kiosk shows how many answers wait for the network', async () => {
    const { view, emit, listeners, ui } = openPrompt({ mode: 'kiosk' });
    await view().findByRole('radiogroup');
    expect(view().queryByText(/waiting/)).toBeNull();
    emit(3);
    expect(await view().findByText('Answers waiting for the network: 3')).toBeTruthy();
    ui.destroy();
    expect(listeners.size).toBe(0);
  });
});

describe('look', () => {
  it('sets the accent and a readable text colour on it through CSSOM, and the colour scheme', async () => {
    const { host } = openPrompt({}, { theme: { accent: '#facc15', colorScheme: 'dark', position: 'bottom-left' } });
    const root = host()!.shadowRoot!.querySelector<HTMLElement>('.widget')!;
    expect(root.style.getPropertyValue('--accent')).toBe('#facc15');
    expect(root.style.getPropertyValue('--on-accent')).toBe('#000');
    expect(root.className).toBe('widget dark popup bottom-left');
  });

  it('uses a <style nonce> when adoptedStyleSheets is unsupported', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    try {
      const { host } = openPrompt({}, { nonce: 'r4nd0m' });
      const style = host()!.shadowRoot!.querySelector('style')!;
      expect(style.nonce).toBe('r4nd0m');
      expect(style.textContent).toContain(':host{all:initial!important');
      expect(document.head.querySelector('style')).toBeNull();
    } finally {
      if (descriptor) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', descriptor);
    }
  });
});

describe('kiosk: the next customer', () => {
  const idle = { type: 'csat', mode: 'kiosk', kioskIdle: 30 } as const;
  const checked = (view: () => View) => view().getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked);

  it('a follow-up left alone returns to the question after kioskIdle, releasing the score once without the half-typed comment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { view, request, host } = openPrompt({ ...idle, reasons: ['Coffee'] });
    await choose(view, /^2/);
    const box = await vi.waitFor(() => view().getByRole('textbox') as HTMLTextAreaElement);
    fireEvent.click(view().getByRole('checkbox', { name: 'Coffee' }));
    fireEvent.input(box, { target: { value: 'the milk was so' } });
    vi.advanceTimersByTime(29_000);
    fireEvent.input(box, { target: { value: 'the milk was sour' } });
    vi.advanceTimersByTime(29_000);
    expect(view().getByRole('textbox')).toBeTruthy();
    expect(request.onComplete).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(() => expect(view().getByRole('radiogroup')).toBeTruthy());
    expect(request.onComplete).toHaveBeenCalledTimes(1);
    expect(request.onComplete).toHaveBeenCalledWith({});
    expect(view().queryByRole('textbox')).toBeNull();
    expect(view().queryByText(/milk/)).toBeNull();
    expect(checked(view)).toEqual([]);
    expect(view().getByRole('status').textContent).toBe('');
    expect(host()!.shadowRoot!.activeElement).toBe(view().getByRole('radiogroup'));
    vi.advanceTimersByTime(120_000);
    expect(request.onComplete).toHaveBeenCalledTimes(1);
    // The next customer: a new score, a follow-up of their own, empty.
    await choose(view, /^5/);
    await vi.waitFor(() => expect(request.onScore).toHaveBeenLastCalledWith(5));
    expect((await vi.waitFor(() => view().getByRole('textbox') as HTMLTextAreaElement)).value).toBe('');
    expect((view().getByRole('checkbox', { name: 'Coffee' }) as HTMLInputElement).checked).toBe(false);
    expect(request.onClose).not.toHaveBeenCalled();
  });

  it('a score chosen but not sent is cleared after kioskIdle and nothing is sent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { view, request } = openPrompt({ ...idle, kioskIdle: 10 });
    fireEvent.click(await view().findByRole('radio', { name: /^4/ }));
    vi.advanceTimersByTime(9_000);
    expect(checked(view)).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(() => expect(checked(view)).toEqual([]));
    expect((view().getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(request.onScore).not.toHaveBeenCalled();
  });

  it('the question alone waits for ever; the default idle time is 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { view, request } = openPrompt({ type: 'nps', mode: 'kiosk' });
    await view().findByRole('radiogroup');
    vi.advanceTimersByTime(600_000);
    expect(view().getByRole('radiogroup')).toBeTruthy();
    await choose(view, /^9/);
    await vi.waitFor(() => view().getByRole('textbox'));
    vi.advanceTimersByTime(29_900);
    expect(view().queryByRole('textbox')).not.toBeNull();
    vi.advanceTimersByTime(100);
    await vi.waitFor(() => expect(view().queryByRole('textbox')).toBeNull());
    expect(request.onComplete).toHaveBeenCalledWith({});
  });

  it('one big Done (เสร็จ in Thai) ends the follow-up with or without a comment; no Skip', async () => {
    const { view, request } = openPrompt({ ...idle }, { locale: 'th' });
    fireEvent.click(await view().findByRole('radio', { name: /^5/ }));
    fireEvent.click(view().getByRole('button', { name: 'ส่ง' }));
    const done = await view().findByRole('button', { name: 'เสร็จ' });
    expect(view().getAllByRole('button')).toEqual([done]);
    fireEvent.input(view().getByRole('textbox'), { target: { value: 'อร่อย' } });
    fireEvent.click(done);
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ comment: 'อร่อย' }));
  });

  it('a kiosk given a target sits in that element, not over the page', async () => {
    const slot = document.body.appendChild(document.createElement('div'));
    slot.id = 'counter';
    const { host } = openPrompt({ mode: 'kiosk', target: '#counter' });
    expect(host()!.parentElement).toBe(slot);
    expect(host()!.shadowRoot!.querySelector('.widget')!.className).toContain('in-page');
  });
});

describe('without a form (a sandboxed frame blocks form submission)', () => {
  it('has no <form>; Send is a plain button, and Enter on a score or a chip sends its step', async () => {
    const { view, request, host } = openPrompt({ type: 'csat', reasons: ['Price'] });
    const radio = await view().findByRole('radio', { name: /^3/ });
    expect(host()!.shadowRoot!.querySelector('form')).toBeNull();
    expect(view().getByRole('button', { name: 'Send' }).getAttribute('type')).toBe('button');
    fireEvent.click(radio);
    fireEvent.keyDown(radio, { key: 'Enter' });
    await waitFor(() => expect(request.onScore).toHaveBeenCalledWith(3));
    const chip = await view().findByRole('checkbox', { name: 'Price' });
    fireEvent.click(chip);
    fireEvent.keyDown(chip, { key: 'Enter' });
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ reasons: ['Price'] }));
  });
});

describe('the page around a popup', () => {
  it('closing from inside returns focus to where it was on the page', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    const { view } = openPrompt({ type: 'nps' }, { takeFocus: true });
    await waitFor(() => expect(document.activeElement).not.toBe(button));
    fireEvent.click(view().getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(button);
  });

  it('Escape on the page behind closes it, but not while a page field or dialog has focus', async () => {
    const field = document.body.appendChild(document.createElement('input'));
    const link = document.body.appendChild(document.createElement('a'));
    link.href = '#';
    const { request, host, view } = openPrompt({ type: 'nps' });
    await view().findByRole('radiogroup');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(host()).not.toBeNull();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(request.onClose).toHaveBeenCalledWith('dismiss');
    expect(host()).toBeNull();
  });
});
