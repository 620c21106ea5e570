/**
 * A tiny event hub for the public events. A handler that throws is isolated: it is reported once
 * and the other handlers still run, so one broken host callback cannot stop delivery.
 */
export interface Emitter<Events> {
  on<K extends keyof Events>(event: K, handler: (detail: Events[K]) => void): () => void;
  off<K extends keyof Events>(event: K, handler: (detail: Events[K]) => void): void;
  emit<K extends keyof Events>(event: K, detail: Events[K]): void;
  clear(): void;
}

export function createEmitter<Events>(
  onHandlerError: (event: string, error: unknown) => void,
): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<(detail: never) => void>>();
  const off: Emitter<Events>['off'] = (event, handler) => {
    handlers.get(event)?.delete(handler);
  };
  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => off(event, handler);
    },
    off,
    emit(event, detail) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          (handler as (detail: Events[typeof event]) => void)(detail);
        } catch (error) {
          onHandlerError(String(event), error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
