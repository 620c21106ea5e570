import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPrompt } from './request';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

type View = ReturnType<typeof openPrompt>['view'];

async function choose(view: View, name: string | RegExp) {
  fireEvent.click(await view().findByRole('radio', { name }));
  fireEvent.click(view().getByRole('button', { name: 'Send' }));
}

const allWays = { ways: ['phone', 'email', 'line'] } as { ways: Array<'phone' | 'email' | 'line'> };
const type = (view: View, label: string, value: string) => fireEvent.input(view().getByRole('textbox', { name: label }), { target: { value } });

describe('the contact question with ways to reach the visitor', () => {
  it('the tick reveals a labelled field per way asked; a wrong one is refused at its field, the right ones are sent trimmed', async () => {
    const { view, request, host } = openPrompt({ type: 'nps', followUp: false, askContact: allWays });
    await choose(view, '2');
    const tick = await view().findByRole('checkbox', { name: 'You may contact me about my answer' });
    expect(view().queryByRole('textbox', { name: 'Phone' })).toBeNull();
    fireEvent.click(tick);
    const phone = view().getByRole('textbox', { name: 'Phone' }) as HTMLInputElement;
    expect(phone.type).toBe('tel');
    expect(phone.autocomplete).toBe('tel');
    expect((view().getByRole('textbox', { name: 'Email' }) as HTMLInputElement).type).toBe('email');
    expect(view().getByRole('textbox', { name: 'LINE ID' })).toBeTruthy();

    type(view, 'Phone', 'call me');
    type(view, 'Email', ' somchai@example.co.th ');
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    const problem = host()!.shadowRoot!.getElementById(phone.getAttribute('aria-describedby')!)!;
    expect(problem.textContent).toBe('Enter a phone number: 6–15 digits');
    expect(host()!.shadowRoot!.activeElement).toBe(phone);
    expect(view().getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBeNull();
    expect(request.onComplete).not.toHaveBeenCalled();

    type(view, 'Phone', '081-234 5678');
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ contact: true, contactVia: { phone: '081-234 5678', email: 'somchai@example.co.th' } }));
    await waitFor(() => expect(view().getByRole('status').textContent).toContain('Thank you'));
  });

  it('a tick with no way filled in asks for one at the first field; unticked, nothing of it is sent', async () => {
    const { view, request } = openPrompt({ type: 'csat', followUp: false, askContact: { ways: ['line', 'email'] } });
    await choose(view, /^1/);
    fireEvent.click(await view().findByRole('checkbox', { name: 'You may contact me about my answer' }));
    type(view, 'Email', 'not-an-email');
    fireEvent.click(view().getByRole('checkbox', { name: 'You may contact me about my answer' }));
    fireEvent.click(view().getByRole('checkbox', { name: 'You may contact me about my answer' }));
    type(view, 'Email', '');
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    const line = view().getByRole('textbox', { name: 'LINE ID' });
    await waitFor(() => expect(line.getAttribute('aria-invalid')).toBe('true'));
    expect(line.getAttribute('aria-describedby')).toBeTruthy();
    expect(view().getByText('Leave a way to reach you, or untick the box')).toBeTruthy();
    fireEvent.click(view().getByRole('checkbox', { name: 'You may contact me about my answer' }));
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({}));
  });

  it('askContact: true keeps the tick alone', async () => {
    const { view, request } = openPrompt({ type: 'nps', followUp: false, askContact: true });
    await choose(view, /^0/);
    fireEvent.click(await view().findByRole('checkbox', { name: 'You may contact me about my answer' }));
    expect(view().queryByRole('textbox')).toBeNull();
    fireEvent.click(view().getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ contact: true }));
  });

  it('speaks Thai, with the problem in Thai', async () => {
    const { view, request } = openPrompt({ type: 'nps', followUp: false, askContact: allWays }, { locale: 'th' });
    fireEvent.click(await view().findByRole('radio', { name: /^3/ }));
    fireEvent.click(view().getByRole('button', { name: 'ส่ง' }));
    fireEvent.click(await view().findByRole('checkbox', { name: 'ติดต่อฉันเกี่ยวกับคำตอบนี้ได้' }));
    fireEvent.input(view().getByRole('textbox', { name: 'LINE ID' }), { target: { value: 'a b' } });
    fireEvent.click(view().getByRole('button', { name: 'ส่ง' }));
    expect(await view().findByText('กรอก LINE ID 4–20 ตัว ใช้ a–z, 0–9, ".", "_" หรือ "-"')).toBeTruthy();
    expect(view().getByRole('textbox', { name: 'เบอร์โทรศัพท์' })).toBeTruthy();
    fireEvent.input(view().getByRole('textbox', { name: 'LINE ID' }), { target: { value: '@somchai.shop' } });
    fireEvent.click(view().getByRole('button', { name: 'ส่ง' }));
    await waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ contact: true, contactVia: { line: '@somchai.shop' } }));
  });

  it('kiosk: the fields take no autofill, and the next customer finds them empty', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { view, request } = openPrompt({ type: 'nps', mode: 'kiosk', followUp: false, askContact: allWays, kioskResetSeconds: 5 });
    await choose(view, '1');
    fireEvent.click(await vi.waitFor(() => view().getByRole('checkbox', { name: 'You may contact me about my answer' })));
    expect((view().getByRole('textbox', { name: 'Phone' }) as HTMLInputElement).autocomplete).toBe('off');
    expect((view().getByRole('textbox', { name: 'Email' }) as HTMLInputElement).autocomplete).toBe('off');
    type(view, 'Phone', '0812345678');
    fireEvent.click(view().getByRole('button', { name: 'Done' }));
    await vi.waitFor(() => expect(request.onComplete).toHaveBeenCalledWith({ contact: true, contactVia: { phone: '0812345678' } }));
    await vi.waitFor(() => expect(view().getByRole('status').textContent).toContain('Thank you'));
    vi.advanceTimersByTime(5_000);
    await vi.waitFor(() => expect(view().getByRole('radiogroup')).toBeTruthy());
    expect(view().queryByDisplayValue('0812345678')).toBeNull();
    await choose(view, '2');
    const tick = await vi.waitFor(() => view().getByRole('checkbox', { name: 'You may contact me about my answer' }) as HTMLInputElement);
    expect(tick.checked).toBe(false);
    fireEvent.click(tick);
    expect((view().getByRole('textbox', { name: 'Phone' }) as HTMLInputElement).value).toBe('');
    expect(view().queryByDisplayValue('0812345678')).toBeNull();
  });
});
