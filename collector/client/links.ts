/**
 * The owner's link page.
 * - As the owner types into the link fields, the link, the QR code, the downloads and the
 *   printables follow at once (the Update button does the same without script). Fields are
 *   checked with the server's own rule; a refused value is marked invalid, left out of the link,
 *   and its field says so (the message the server wrote into the page, shown or hidden).
 *   A single-use survey's links are signed by the server (`data-signed`): there only Update
 *   makes the new link.
 * - "Copy link" copies the link. It is hidden in the HTML and shown here, so without script (or
 *   without the Clipboard API) nobody sees a button that does nothing.
 */
import { linkFields, withFields } from '../src/links/link-fields';
import { surveyLink } from '../src/links/link-url';

const form = document.querySelector<HTMLFormElement>('form[data-survey]');
const linkBox = document.getElementById('the-link') as HTMLTextAreaElement | null;

if (form && linkBox && form.dataset.signed === undefined) {
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[name]')];
  const follow = () => {
    const { valid, badFields, query } = linkFields(new URLSearchParams(inputs.map((input) => [input.name, input.value])), inputs.map((input) => input.name));
    const link = surveyLink(form.dataset.publicUrl ?? location.origin, form.dataset.survey ?? '', valid);
    for (const input of inputs) {
      const bad = badFields.includes(input.name);
      const message = document.getElementById(`${input.id}-error`);
      if (message) message.hidden = !bad;
      if (bad) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${input.id}-error`);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    }
    linkBox.value = link;
    document.getElementById('open-link')?.setAttribute('href', link);
    const qr = document.getElementById('qr-image') as HTMLImageElement | null;
    if (qr) {
      qr.src = withFields(qr.dataset.path ?? '', query);
      qr.alt = `${qr.dataset.alt ?? ''} ${link}`;
    }
    for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a[data-path]')) {
      anchor.href = withFields(anchor.dataset.path ?? '', query, anchor.dataset.extra ?? '');
    }
  };
  form.addEventListener('input', follow);
}

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
