/**
 * The owner's link page: the "Copy link" button copies the link to the clipboard. The button is
 * hidden in the HTML and shown here, so without script (or without the Clipboard API) nobody sees
 * a button that does nothing; the link stays selectable in its box.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy ?? '') as HTMLTextAreaElement | null;
  const status = button.parentElement?.querySelector('.copy-status');
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      if (status) status.textContent = button.dataset.copied ?? '';
    } catch {
      source.select();
    }
  });
}
