import { computed, effect, signal } from '@preact/signals';

/** Query parameters that are filters (shared by the dashboard, comments, inbox and exports). */
const filterNames = ['range', 'from', 'to', 'survey', 'type', 'language'] as const;

/**
 * The filters of one page as signals, kept in the address bar (so a view can be reloaded, shared
 * and reached with the back button) and given to the APIs as a query string.
 * `defaultRange` applies when the address names no dates.
 */
export function createFiltersModel(defaultRange: string) {
  const initial = new URLSearchParams(location.search);
  const plain = signal<Record<string, string>>(
    Object.fromEntries(filterNames.flatMap((name) => (initial.get(name) ? [[name, initial.get(name)!]] : []))),
  );
  const context = signal<Record<string, string>>(
    Object.fromEntries([...initial].filter(([name, value]) => name.startsWith('context.') && value).map(([name, value]) => [name.slice(8), value])),
  );
  if (!plain.value.range && !plain.value.from && !plain.value.to) plain.value = { ...plain.value, range: defaultRange };

  const query = computed(() => {
    const params = new URLSearchParams();
    for (const name of filterNames) if (plain.value[name]) params.set(name, plain.value[name]);
    for (const [key, value] of Object.entries(context.value)) params.set(`context.${key}`, value);
    return params.toString();
  });

  effect(() => {
    const keep = new URLSearchParams(location.search);
    for (const name of [...keep.keys()]) if ((filterNames as readonly string[]).includes(name) || name.startsWith('context.')) keep.delete(name);
    const next = new URLSearchParams(query.value);
    for (const [name, value] of keep) next.set(name, value);
    const search = next.toString();
    if (search !== location.search.slice(1)) history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  });

  return {
    plain,
    context,
    query,
    set(name: (typeof filterNames)[number], value: string) {
      const next = { ...plain.value, [name]: value };
      if (!value) delete next[name];
      if (name === 'range') {
        delete next.from;
        delete next.to;
      }
      plain.value = next;
    },
    setContext(key: string, value: string) {
      const next = { ...context.value, [key]: value };
      if (!value) delete next[key];
      context.value = next;
    },
    clear() {
      plain.value = { range: defaultRange };
      context.value = {};
    },
  };
}

export type FiltersModel = ReturnType<typeof createFiltersModel>;
