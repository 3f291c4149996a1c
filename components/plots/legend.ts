/** One legend entry: a line swatch in the series' colour and dash pattern, and its label. */
export interface LegendItem {
  readonly label: string;
  readonly stroke: string;
  readonly dash?: string;
  /** Draw a filled box (a shaded zone) instead of a line. */
  readonly fill?: boolean;
  readonly width?: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The legend as HTML `<li>`s, shared by the server render and the client (which rebuilds it when the
 * series change). Swatches are decorative (aria-hidden); the label carries the meaning.
 */
export function legendHtml(items: readonly LegendItem[]): string {
  return items
    .map((item) => {
      const swatch = item.fill
        ? `<rect x="1" y="2" width="26" height="10" fill="${item.stroke}" stroke="currentColor" stroke-opacity="0.3"/>`
        : `<line x1="1" y1="7" x2="27" y2="7" stroke="${item.stroke}" stroke-width="${String(item.width ?? 2.5)}"${item.dash !== undefined && item.dash !== 'none' ? ` stroke-dasharray="${item.dash}"` : ''}/>`;
      return `<li><svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">${swatch}</svg>${escapeHtml(item.label)}</li>`;
    })
    .join('');
}
