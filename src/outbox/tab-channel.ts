export interface TabChannel {
  /** Tells the other tabs a record's new state (`undefined`: it is gone). */
  post(id: string, record?: unknown): void;
  close(): void;
}

/**
 * A BroadcastChannel between the tabs of this origin: each tab keeps a copy of the queue for the
 * page-hide path (which cannot wait for IndexedDB), and this keeps those copies current, so a tab
 * leaving does not post an answer another tab is posting or has delivered. Any script of the origin
 * may post here: `receive` gets raw data and must parse it.
 */
export function openTabChannel(win: Window | undefined, receive: (id: string, record: unknown) => void): TabChannel {
  const Channel = (win as (Window & { BroadcastChannel?: typeof BroadcastChannel }) | undefined)?.BroadcastChannel;
  if (typeof Channel !== 'function') return { post: () => undefined, close: () => undefined };
  const channel = new Channel('hearback-outbox');
  channel.onmessage = ({ data }: MessageEvent) => Array.isArray(data) && typeof data[0] === 'string' && receive(data[0], data[1]);
  return {
    post(id, record) {
      try {
        channel.postMessage([id, record ?? null]);
      } catch {
        /* a closed channel or an uncloneable host value: the other tabs re-read the store anyway */
      }
    },
    close: () => channel.close(),
  };
}
