import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api';

export type Loaded<T> = { data?: T; error?: string; loading: boolean };

/**
 * Loads `path` whenever it changes, keeping the last data on screen while the next arrives, and
 * dropping answers to requests overtaken by a newer one. `reload` loads again (after a change).
 * `null` waits: nothing is loaded until a path is given (a part loaded after first paint).
 */
export function useLoader<T>(path: string | null): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    getJson<T>(path, abort.signal).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState((previous) => ({ ...previous, error: error.message, loading: false }));
      },
    );
    return () => abort.abort();
  }, [path, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
