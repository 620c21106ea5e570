// The kiosk page: a big Thai/English switch, and the delivery line (how many answers wait for the
// network: they are kept in IndexedDB and sent when Wi-Fi comes back).
(() => {
  // The switch sets <html lang> (the widget's locale is 'auto') and shows the question again in
  // that language; an answer already sent is delivered as it is.
  const greeting = document.querySelector('.hello');
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => {
      const lang = button.dataset.lang;
      document.documentElement.lang = lang;
      greeting.textContent = greeting.dataset[lang];
      for (const other of document.querySelectorAll('[data-lang]')) other.setAttribute('aria-pressed', String(other === button));
      hearback('show', 'counter');
    });
  }

  // Read on every delivery event and every 5 s, but written only when it changes: a status line
  // rewritten with the same text is announced again by screen readers.
  const line = document.getElementById('delivery');
  async function update() {
    const status = await hearback('status');
    if (!status) return;
    const text = status.pending
      ? `${status.pending} answer${status.pending === 1 ? '' : 's'} waiting for the network · รอส่ง ${status.pending} คำตอบ${status.lastError ? ` (${status.lastError})` : ''}`
      : `All answers delivered · ส่งครบแล้ว (${status.storage === 'indexeddb' ? 'kept on this device until sent' : 'memory only'})`;
    line.classList.toggle('waiting', status.pending > 0);
    if (line.textContent !== text) line.textContent = text;
  }
  for (const event of ['queued', 'sent', 'error']) hearback('on', event, update);
  addEventListener('online', update);
  addEventListener('offline', update);
  setInterval(update, 5000);
  update();
})();
