// pdf.js 6 calls Promise.withResolvers, which Node 20 lacks (browsers and Electron have it).
// Imported for its effect by the Node tests and benches that run pdf.js.
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function <T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
export {};
