/**
 * The lab's Web Worker: parses, differentiates, checks every step and samples the plot off the
 * page's thread, so typing never waits for a derivation. One message in (`{ id, state }`), one
 * out (`{ id, view }`); the page keeps only the answer to its latest request.
 */
import { labView } from './lab-view.ts';
import type { LabState } from './lab-state.ts';

/** The worker's global scope, typed without the `webworker` lib (the project compiles against `dom`). */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
};

interface Request {
  readonly id: number;
  readonly state: LabState;
}

scope.addEventListener('message', (event) => {
  const { id, state } = event.data;
  scope.postMessage({ id, view: labView(state) });
});
