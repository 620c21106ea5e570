/**
 * Enter on a radio or checkbox sends the step, as it would submit a form: the prompt has no form,
 * because a sandboxed iframe without `allow-forms` blocks form submission (and its submit event).
 */
export const sendOnEnter = (send: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' && (event.target as Element).tagName === 'INPUT') {
    event.preventDefault();
    send();
  }
};
