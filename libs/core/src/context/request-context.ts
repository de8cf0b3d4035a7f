import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and on behalf of which request; read by audit and logging. */
export interface RequestContextValue {
  requestId: string;
  ip?: string;
  actor?: { id: string; role: string };
}

const storage = new AsyncLocalStorage<RequestContextValue>();

export const RequestContext = {
  run<T>(value: RequestContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
  /** Called by the auth guard once the caller is known. */
  setActor(actor: { id: string; role: string }): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
