/**
 * Present mode shows copies of slides (the overview grid, the next-slide preview). A copy of a
 * custom element is a new instance of it, and its `connectedCallback` runs when the copy is put on
 * the page; a copy must carry no behaviour (no listeners, no saved-progress writes, no lazy loads),
 * or one click would count twice and a preview would reset the live slide's state.
 *
 * The deck marks every copy's root with this attribute; elements check {@link isStaticCopy} first.
 */
export const STATIC_COPY_ATTRIBUTE = 'data-static-copy';

/** True inside a copy made for display only. */
export function isStaticCopy(element: Element): boolean {
  return element.closest(`[${STATIC_COPY_ATTRIBUTE}]`) !== null;
}
