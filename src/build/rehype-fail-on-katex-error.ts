import type { Root } from 'hast';
import type { VFile } from 'vfile';

/** The text content of a hast node, to quote the offending TeX back to the author. */
function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return node.children.map(textOf).join('');
  return '';
}

/**
 * rehype-katex reports a TeX error as a file message and then renders a red error span in its
 * place. In this course a typo in a formula must never reach a student, so this plugin (placed
 * after rehype-katex) turns those messages into a build error naming the file, the line and the TeX.
 */
export function rehypeFailOnKatexError() {
  return (_tree: Root, file: VFile) => {
    const problems = file.messages.filter((message) => message.source === 'rehype-katex');
    if (problems.length === 0) return;
    const lines = problems.map((message) => {
      const element = message.ancestors?.at(-1);
      const line = element && 'position' in element ? element.position?.start.line : undefined;
      const where = line === undefined ? '' : `:${line}`;
      const cause = message.cause instanceof Error ? message.cause.message : String(message.reason);
      return `  ${file.path}${where}: ${cause}\n    TeX: ${textOf(element).trim()}`;
    });
    throw new Error(`KaTeX could not typeset ${problems.length} formula(s):\n${lines.join('\n')}`);
  };
}
