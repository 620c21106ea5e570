import { t, type Lang } from './messages';

/**
 * Says that a view is loading or failed, or what was just done (`done`, e.g. "Marked contacted"),
 * in a live region screen readers announce.
 */
export function StatusLine({ lang, loading, error, done }: { lang: Lang; loading: boolean; error?: string; done?: string }) {
  return (
    <p class={`status-line${error ? ' error' : ''}`} role="status">
      {error ? `${t(lang, 'failed')} ${error}` : loading ? t(lang, 'loading') : done ?? ''}
    </p>
  );
}
