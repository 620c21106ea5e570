/**
 * The survey editor's page script (`/assets/survey-editor.js`): as the owner types, the form goes to
 * `POST /app/surveys/check` (the server turns it into the definition the widget gets, with the
 * SDK's own schema) and the result goes to the preview frame, which shows it with the real widget.
 * Language and width switches change the frame only. Runs under the app's strict CSP.
 */
export interface PreviewMessage {
  kind: 'hearback-preview';
  survey: Record<string, unknown>;
  look: { accent?: string; position?: string };
  locale: string;
}

const words = {
  en: { fix: 'The preview shows the last version without problems. To fix: ', waiting: 'Updating the preview…', shown: 'Preview up to date.' },
  th: { fix: 'ตัวอย่างแสดงฉบับล่าสุดที่ไม่มีปัญหา ต้องแก้: ', waiting: 'กำลังอัปเดตตัวอย่าง…', shown: 'ตัวอย่างเป็นฉบับล่าสุดแล้ว' },
};

function start() {
  const form = document.getElementById('survey-form') as HTMLFormElement | null;
  const frame = document.getElementById('preview-frame') as HTMLIFrameElement | null;
  const status = document.getElementById('preview-status');
  const stage = frame?.parentElement;
  if (!form || !frame || !status || !stage) return;
  const text = document.documentElement.lang === 'th' ? words.th : words.en;
  let last: PreviewMessage | undefined;
  let frameReady = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The latest check's number: an older check that answers late changes nothing. */
  let latest = 0;

  const chosen = (name: string) => (document.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.value ?? '';
  // Every field, disabled ones too (staff see the form read-only and may still preview it).
  const fields = () => {
    const body = new URLSearchParams();
    for (const element of Array.from(form.elements)) {
      const control = element as HTMLInputElement;
      if (!control.name || control.type === 'submit') continue;
      if (control.type === 'checkbox') body.set(control.name, control.checked ? 'on' : '');
      else body.set(control.name, control.value);
    }
    return body;
  };
  const send = () => {
    if (!last || !frameReady) return;
    frame.contentWindow?.postMessage({ ...last, locale: chosen('preview-lang') || 'en' }, location.origin);
  };
  const check = async () => {
    const mine = ++latest;
    status.textContent = text.waiting;
    try {
      const response = await fetch('/app/surveys/check', { method: 'POST', body: fields(), headers: { accept: 'application/json' } });
      const result = (await response.json()) as { survey?: PreviewMessage['survey']; look?: PreviewMessage['look']; problems?: string[] };
      // Typing on while a check is on its way: only the newest form's answer may show.
      if (mine !== latest) return;
      if (result.survey) {
        last = { kind: 'hearback-preview', survey: result.survey, look: result.look ?? {}, locale: '' };
        status.textContent = text.shown;
        send();
      } else status.textContent = text.fix + (result.problems ?? []).join('; ');
    } catch {
      if (mine === latest) status.textContent = '';
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), 400);
  };

  frame.addEventListener('load', () => {
    frameReady = true;
    send();
  });
  // The frame may have loaded before this script ran (a busy machine): its load event is then gone.
  try {
    const loaded = frame.contentDocument;
    if (loaded && loaded.readyState === 'complete' && loaded.URL !== 'about:blank') frameReady = true;
  } catch {
    // Not readable: wait for the load event.
  }
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="preview-lang"]'))) radio.addEventListener('change', send);
  for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="preview-width"]'))) {
    radio.addEventListener('change', () => { stage.dataset.width = chosen('preview-width'); });
  }
  document.getElementById('preview-again')?.addEventListener('click', send);
  void check();
}

start();
