// The signed-in snippet page: a copy button for the snippet the server wrote (the pinned script
// and this app's addresses), and a warning when the site the owner names may not post answers here.
// The page gives the allow list as a data-* attribute of the form (it runs under `script-src
// 'self'`: no inline script, no inline style).

const messages = {
  en: {
    copied: 'Copied — paste it before </head>.',
    selected: 'Selected — press Ctrl+C (⌘C) to copy.',
    badSite: 'Type the address of your site, like https://shop.example.',
    notAllowed: (origin) => `Answers from ${origin} would be refused (403): it is not on HEARBACK_ALLOWED_ORIGINS. Add it to that setting (comma-separated) and restart the collector.`,
    noneAllowed: 'No site may post answers yet: HEARBACK_ALLOWED_ORIGINS is empty. Set it to your site\'s address and restart the collector.',
    allowed: (origin) => `${origin} may post answers here.`,
  },
  th: {
    copied: 'คัดลอกแล้ว — วางก่อน </head>',
    selected: 'เลือกไว้แล้ว — กด Ctrl+C (⌘C) เพื่อคัดลอก',
    badSite: 'พิมพ์ที่อยู่เว็บไซต์ของคุณ เช่น https://shop.example',
    notAllowed: (origin) => `คำตอบจาก ${origin} จะถูกปฏิเสธ (403) เพราะไม่อยู่ใน HEARBACK_ALLOWED_ORIGINS เพิ่มที่อยู่นี้ในค่านั้น (คั่นด้วยจุลภาค) แล้วเริ่มตัวเก็บคำตอบใหม่`,
    noneAllowed: 'ยังไม่มีเว็บไซต์ใดส่งคำตอบได้: HEARBACK_ALLOWED_ORIGINS ว่างอยู่ ตั้งค่าเป็นที่อยู่เว็บไซต์ของคุณแล้วเริ่มตัวเก็บคำตอบใหม่',
    allowed: (origin) => `${origin} ส่งคำตอบมาที่นี่ได้`,
  },
};
const form = /** @type {HTMLFormElement} */ (document.getElementById('snippet-builder'));
const text = document.documentElement.lang.startsWith('th') ? messages.th : messages.en;
const allowedOrigins = (form.dataset.allowedOrigins || '').split(',').filter(Boolean);
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const field = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value;

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
form.addEventListener('input', checkSite);
form.addEventListener('submit', (event) => event.preventDefault());
checkSite();
