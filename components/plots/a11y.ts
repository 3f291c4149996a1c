/**
 * The picture is decorative for assistive technology: the figure's title, the text description
 * generated from the math and the live readouts carry what it shows. Hiding the SVG also keeps
 * Plot's per-mark `aria-label`s on plain groups (not allowed there by ARIA) out of the tree.
 */
export function hideFromAssistiveTech(svg: Element): void {
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
}
