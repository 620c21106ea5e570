// The signed-in snippet builder: the form → the snippet (pinned script + SRI, answers to this
// collector), a live preview through the real widget, a copy button, and a warning when the site
// the owner names may not post answers here. The page gives what only the server knows as data-*
// attributes of the form (it runs under `script-src 'self'`: no inline script, no inline style).
import { snippetText, fitsOneTag, surveyDefinition } from './snippet/snippet-text.js';

const messages = {
  en: {
    oneTag: 'One tag: paste it before </head> on every page.',
    queue: 'These choices need the two-part form: paste both tags before </head> on every page.',
    eventHint: (name) => `Then call hearback('track', '${name}') when it happens, e.g. on the order-complete page.`,
    copied: 'Copied — paste it before </head>.',
    selected: 'Selected — press Ctrl+C (⌘C) to copy.',
    badSite: 'Type the address of your site, like https://shop.example.',
    notAllowed: (origin) => `Answers from ${origin} would be refused (403): it is not on HEARBACK_ALLOWED_ORIGINS. Add it to that setting (comma-separated) and restart the collector.`,
    noneAllowed: 'No site may post answers yet: HEARBACK_ALLOWED_ORIGINS is empty. Set it to your site\'s address and restart the collector.',
    allowed: (origin) => `${origin} may post answers here.`,
    triggers: { event: 'Event name', delay: 'Seconds after load', scroll: 'Scroll depth (%)', pageViews: 'Page views' },
  },
  th: {
    oneTag: 'แท็กเดียว: วางก่อน </head> ในทุกหน้า',
    queue: 'ตัวเลือกนี้ต้องใช้แบบสองส่วน: วางทั้งสองแท็กก่อน </head> ในทุกหน้า',
    eventHint: (name) => `จากนั้นเรียก hearback('track', '${name}') เมื่อเหตุการณ์นั้นเกิดขึ้น เช่น ในหน้าสั่งซื้อสำเร็จ`,
    copied: 'คัดลอกแล้ว — วางก่อน </head>',
    selected: 'เลือกไว้แล้ว — กด Ctrl+C (⌘C) เพื่อคัดลอก',
    badSite: 'พิมพ์ที่อยู่เว็บไซต์ของคุณ เช่น https://shop.example',
    notAllowed: (origin) => `คำตอบจาก ${origin} จะถูกปฏิเสธ (403) เพราะไม่อยู่ใน HEARBACK_ALLOWED_ORIGINS เพิ่มที่อยู่นี้ในค่านั้น (คั่นด้วยจุลภาค) แล้วเริ่มตัวเก็บคำตอบใหม่`,
    noneAllowed: 'ยังไม่มีเว็บไซต์ใดส่งคำตอบได้: HEARBACK_ALLOWED_ORIGINS ว่างอยู่ ตั้งค่าเป็นที่อยู่เว็บไซต์ของคุณแล้วเริ่มตัวเก็บคำตอบใหม่',
    allowed: (origin) => `${origin} ส่งคำตอบมาที่นี่ได้`,
    triggers: { event: 'ชื่อเหตุการณ์', delay: 'วินาทีหลังโหลดหน้า', scroll: 'ความลึกการเลื่อน (%)', pageViews: 'จำนวนหน้าที่เปิด' },
  },
};
const triggerDefaults = { event: 'checkout', delay: '5', scroll: '50', pageViews: '3' };

const form = /** @type {HTMLFormElement} */ (document.getElementById('snippet-builder'));
const text = document.documentElement.lang.startsWith('th') ? messages.th : messages.en;
const target = { scriptUrl: form.dataset.scriptUrl, integrity: form.dataset.integrity, endpoint: form.dataset.endpoint };
const allowedOrigins = (form.dataset.allowedOrigins || '').split(',').filter(Boolean);
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const field = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value;
let lastTrigger = field('trigger');

function choices() {
  return {
    survey: field('survey').replace(/[^\w.:-]/g, '-').slice(0, 64), type: field('type'), trigger: field('trigger'), triggerValue: field('triggerValue'),
    lang: field('lang'), accent: field('accent'), position: field('position'), style: field('style'),
  };
}

function update() {
  const trigger = field('trigger');
  const valueField = byId('trigger-value-field');
  if (trigger !== lastTrigger) {
    lastTrigger = trigger;
    valueField.hidden = !(trigger in triggerDefaults);
    if (trigger in triggerDefaults) {
      byId('trigger-value-label').textContent = text.triggers[trigger];
      const input = /** @type {HTMLInputElement} */ (form.elements.namedItem('triggerValue'));
      input.value = triggerDefaults[trigger];
      input.inputMode = trigger === 'event' ? 'text' : 'numeric';
    }
  }
  const current = choices();
  byId('snippet').textContent = snippetText(current, target);
  byId('snippet-form').textContent = fitsOneTag(current) ? text.oneTag : text.queue;
  byId('event-hint').textContent = trigger === 'event' ? text.eventHint(field('triggerValue').trim() || 'checkout') : '';
  checkSite();
}

/** Says whether the site the owner names is on the allow list (answers from elsewhere get 403). */
function checkSite() {
  const note = byId('site-note');
  const raw = field('site').trim();
  let origin;
  try {
    origin = raw ? new URL(raw).origin : undefined;
  } catch {
    origin = undefined;
  }
  const ok = origin !== undefined && allowedOrigins.includes(origin);
  note.textContent = !allowedOrigins.length ? text.noneAllowed : !raw ? '' : origin === undefined || origin === 'null' ? text.badSite : ok ? text.allowed(origin) : text.notAllowed(origin);
  note.dataset.state = ok ? 'ok' : note.textContent ? 'warning' : '';
}

function preview() {
  // A second init replaces the widget; answers given in the preview are dropped by the server.
  const current = choices();
  // Shown at once with show(): no trigger, no cooldown.
  const survey = { ...surveyDefinition(current), cooldownDays: 0 };
  delete survey.trigger;
  window.hearback('init', {
    endpoint: form.dataset.previewEndpoint,
    ...(current.lang !== 'auto' ? { locale: current.lang } : {}),
    theme: { accent: current.accent, position: current.position },
    surveys: [survey],
  });
  window.hearback('show', survey.id);
}

byId('copy').addEventListener('click', async () => {
  const status = byId('copied');
  try {
    await navigator.clipboard.writeText(byId('snippet').textContent ?? '');
    status.textContent = text.copied;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(byId('snippet'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    status.textContent = text.selected;
  }
});
byId('preview').addEventListener('click', preview);
form.addEventListener('input', update);
form.addEventListener('submit', (event) => event.preventDefault());
// The widget script is async: until it runs, queue calls the way the snippet's stub does.
window.hearback = window.hearback || function () { (window.hearback.q = window.hearback.q || []).push(arguments); };
update();
