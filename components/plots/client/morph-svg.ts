/**
 * Bring a live SVG in line with a freshly rendered one by changing only what differs: attributes
 * (a path's `d`, a tick's `transform`), text (tick labels), and whole subtrees only where the
 * structure differs (a tick more or less). Plot renders a new detached SVG for every re-plot;
 * morphing it into the one on the page keeps the untouched nodes (Plot's stylesheet, the axes that
 * did not move) out of the browser's style and layout work, which is what a redraw spends beside
 * Plot itself (see scripts/bench-plot.ts). Nodes are matched by position and tag, which is how Plot
 * lays out the same spec with other data.
 */
/** `Node.ELEMENT_NODE`, written out so the function runs on any DOM (linkedom in the tests). */
const ELEMENT_NODE = 1;

export function morphSvg(live: Element, next: Element): void {
  morphAttributes(live, next);
  const wanted = [...next.childNodes];
  wanted.forEach((want, i) => {
    const have = live.childNodes[i];
    if (have === undefined) live.append(want);
    else if (have.nodeName !== want.nodeName) live.replaceChild(want, have);
    else if (have.nodeType === ELEMENT_NODE) morphSvg(have as Element, want as Element);
    else if (have.nodeValue !== want.nodeValue) have.nodeValue = want.nodeValue;
  });
  while (live.childNodes.length > wanted.length) live.lastChild?.remove();
}

function morphAttributes(live: Element, next: Element): void {
  for (const name of live.getAttributeNames()) if (!next.hasAttribute(name)) live.removeAttribute(name);
  for (const name of next.getAttributeNames()) {
    const value = next.getAttribute(name) ?? '';
    if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  }
}
