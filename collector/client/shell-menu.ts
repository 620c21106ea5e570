/**
 * The signed-in shell's menu button. On a narrow screen (a phone) the menu, the account and
 * sign-out fold behind one "Menu" button, so each page starts with its own content instead of a
 * third of a screen of header. The button is `hidden` in the HTML and shown here: without script
 * the whole menu simply stays open. Escape closes it and returns focus to the button.
 */
const header = document.querySelector<HTMLElement>('.shell-top');
const button = header?.querySelector<HTMLButtonElement>('.menu-toggle');

if (header && button) {
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    header.dataset.menu = open ? 'open' : 'closed';
  };
  setOpen(false);
  button.hidden = false;
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  header.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    button.focus();
  });
}
