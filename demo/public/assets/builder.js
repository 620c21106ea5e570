// The snippet builder: the form → one survey definition → the exact snippet an owner pastes, and
// a live preview through the real widget. Answers from the preview go to /api/preview (dropped).
// Pure DOM; the code block is filled with textContent, never innerHTML.
(() => {
  const form = document.getElementById('builder');
  const field = (name) => form.elements[name].value.trim();
  const triggerInputs = {
    event: { label: 'Event name', value: 'checkout', hint: (v) => `Then call hearback('track', '${v}') when it happens, e.g. on the order-complete page.` },
    delay: { label: 'Seconds after load', value: '10', number: true },
    scroll: { label: 'Scroll depth (%)', value: '50', number: true },
    exitIntent: null,
    pageViews: { label: 'Page views', value: '3', number: true },
  };
  let lastTrigger = 'event';

  function survey() {
    const kind = field('trigger');
    const input = triggerInputs[kind];
    const raw = field('triggerValue');
    const value = input?.number ? Math.max(0, Number(raw) || Number(input.value)) : raw || input?.value;
    const definition = { id: `my-${field('type')}`, type: field('type'), trigger: { [kind]: input ? value : true } };
    if (field('style') === 'smileys') definition.style = 'smileys';
    return definition;
  }

  function options(endpoint) {
    const theme = { accent: field('accent'), position: field('position') };
    return { endpoint, ...(field('lang') !== 'auto' ? { locale: field('lang') } : {}), theme, surveys: [survey()] };
  }

  // Single-quoted JavaScript, as the README's snippet is written.
  const js = (value) => JSON.stringify(value).replace(/"([A-Za-z_$][\w$]*)":/g, '$1:').replace(/"((?:[^"\\]|\\.)*)"/g, (_, s) => `'${s.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`);

  function snippet() {
    const lines = [
      "<script>window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};",
      `hearback('init',${js(options(field('endpoint')))});</script>`,
      `<script async src="${location.origin}/dist/hearback.min.js"></script>`,
    ];
    return lines.join('\n');
  }

  function update() {
    const kind = field('trigger');
    if (kind !== lastTrigger) {
      lastTrigger = kind;
      const input = triggerInputs[kind];
      document.getElementById('trigger-value-field').hidden = !input;
      if (input) {
        document.getElementById('trigger-value-label').textContent = input.label;
        form.elements.triggerValue.value = input.value;
        form.elements.triggerValue.inputMode = input.number ? 'numeric' : 'text';
      }
    }
    document.getElementById('snippet').textContent = snippet();
    const hint = triggerInputs[kind]?.hint;
    document.getElementById('event-hint').textContent = hint ? hint(field('triggerValue') || 'checkout') : '';
    preview();
  }

  function preview() {
    // Re-initialising replaces the previous widget; the preview shows the survey at once.
    const previewOptions = options(`${location.origin}/api/preview`);
    previewOptions.surveys[0].cooldownDays = 0;
    hearback('init', previewOptions);
    hearback('show', previewOptions.surveys[0].id);
  }

  document.getElementById('copy').addEventListener('click', async () => {
    const text = snippet();
    const done = document.getElementById('copied');
    try {
      await navigator.clipboard.writeText(text);
      done.textContent = 'Copied — paste it before </head>.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('snippet'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      done.textContent = 'Selected — press Ctrl+C (⌘C) to copy.';
    }
  });
  document.getElementById('preview').addEventListener('click', preview);
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());

  // The widget file is async: until it arrives, queue calls like the stub in the snippet does.
  window.hearback = window.hearback || function () { (window.hearback.q = window.hearback.q || []).push(arguments); };
  update();
})();
