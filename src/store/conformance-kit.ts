/** Shared by the conformance suites: a test body run on a fresh store that is closed whatever the body does. */
export function storeRunner<S extends { close(): void }>(makeStore: () => S): (fn: (store: S) => void) => () => void {
  return (fn) => () => {
    const store = makeStore();
    try {
      fn(store);
    } finally {
      store.close();
    }
  };
}
