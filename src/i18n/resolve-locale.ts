/**
 * Picks the prompt language: an explicit `locale` option wins; `'auto'` tries `<html lang>`, then
 * `navigator.languages`, then English. A tag matches a supported locale exactly (`pt-BR`) or by its
 * language (`th-TH` → `th`). Returns a supported tag.
 */
export function resolveLocale(
  option: string,
  supported: readonly string[],
  page: { htmlLang?: string; languages?: readonly string[] } = readPage(),
): string {
  const candidates = option === 'auto' ? [page.htmlLang, ...(page.languages ?? [])] : [option];
  for (const candidate of candidates) {
    const match = candidate && matchLocale(candidate, supported);
    if (match) return match;
  }
  return 'en';
}

export function matchLocale(tag: string, supported: readonly string[]): string | undefined {
  const lower = tag.trim().toLowerCase().replace('_', '-');
  return (
    supported.find((locale) => locale.toLowerCase() === lower) ??
    supported.find((locale) => locale.toLowerCase() === lower.split('-')[0])
  );
}

function readPage() {
  return {
    htmlLang: typeof document === 'object' ? document.documentElement.lang : undefined,
    languages: typeof navigator === 'object' ? navigator.languages : undefined,
  };
}
