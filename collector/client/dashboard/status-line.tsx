import { t, type Lang } from './messages';

/** Says that a view is loading or failed, in a live region screen readers announce. */
export function StatusLine({ lang, loading, error }: { lang: Lang; loading: boolean; error?: string }) {
  return (
    <p class={`status-line${error ? ' error' : ''}`} role="status">
      {error ? `${t(lang, 'failed')} ${error}` : loading ? t(lang, 'loading') : ''}
    </p>
  );
}
