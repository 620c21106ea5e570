export interface PageHandlers {
  /** The page is hidden or being left: the last moment we can be sure to run. */
  hide(): void;
  /** The network came back. */
  online(): void;
}

/**
 * Listens for `visibilitychange` to hidden (the last event mobile browsers reliably fire before
 * killing a tab), `pagehide` and `online`. Never `unload`: it keeps the page out of the
 * back/forward cache and does not fire on mobile (https://developer.chrome.com/docs/web-platform/deprecating-unload).
 * Returns the function that removes the listeners.
 */
export function watchPage(win: Window | undefined, handlers: PageHandlers): () => void {
  if (typeof win?.addEventListener !== 'function') return () => undefined;
  const doc = win.document;
  const visibility = () => doc.visibilityState === 'hidden' && handlers.hide();
  const hide = () => handlers.hide();
  const online = () => handlers.online();
  win.addEventListener('pagehide', hide);
  win.addEventListener('online', online);
  doc?.addEventListener('visibilitychange', visibility);
  return () => {
    win.removeEventListener('pagehide', hide);
    win.removeEventListener('online', online);
    doc?.removeEventListener('visibilitychange', visibility);
  };
}
