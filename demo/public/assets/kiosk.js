// The kiosk's delivery line: how many answers wait for the network (they are kept in IndexedDB
// and sent when Wi-Fi comes back). Reads hearback('status') on every delivery event and every 5 s.
(() => {
  const line = document.getElementById('delivery');
  async function update() {
    const status = await hearback('status');
    if (!status) return;
    line.classList.toggle('waiting', status.pending > 0);
    line.textContent = status.pending
      ? `${status.pending} answer${status.pending === 1 ? '' : 's'} waiting for the network · รอส่ง ${status.pending} คำตอบ${status.lastError ? ` (${status.lastError})` : ''}`
      : `All answers delivered · ส่งครบแล้ว (${status.storage === 'indexeddb' ? 'kept on this device until sent' : 'memory only'})`;
  }
  for (const event of ['queued', 'sent', 'error']) hearback('on', event, update);
  addEventListener('online', update);
  addEventListener('offline', update);
  setInterval(update, 5000);
  update();
})();
