/**
 * `run` at most once per `ms`, however often the returned function is called, and always once
 * more after the last call: a burst of answers gives one fetch per interval, the last one included.
 */
export function throttled(run: () => void, ms: number): { (): void; cancel: () => void } {
  let timer: number | undefined;
  let pending = false;
  const call = () => {
    if (timer !== undefined) {
      pending = true;
      return;
    }
    run();
    timer = window.setTimeout(() => {
      timer = undefined;
      if (pending) {
        pending = false;
        call();
      }
    }, ms);
  };
  call.cancel = () => {
    window.clearTimeout(timer);
    timer = undefined;
    pending = false;
  };
  return call;
}
