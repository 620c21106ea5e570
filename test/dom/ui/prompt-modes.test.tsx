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

  it('a prompt opened on click moves focus to the first score, then to each next step', async () => {
    const { view, host } = openPrompt({ type: 'csat' }, { takeFocus: true });
    await waitFor(() => expect(host()!.shadowRoot!.activeElement).toBe(view().getByRole('radio', { name: /^1/ })));
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
    fireEvent.click(await vi.waitFor(() => view().getByRole('button', { name: 'Skip' })));
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
