import type { KatexOptions } from 'katex';

/**
 * The one set of KaTeX options for everything typeset at build time (lessons, derivation steps,
 * registry formulas). `htmlAndMathml` keeps MathML beside the HTML so screen readers can read the
 * math; `strict` refuses non-standard TeX instead of warning about it. `trust` admits only
 * `\htmlClass`, which derivation steps use to highlight the part of an expression that changed.
 */
export const katexOptions = {
  output: 'htmlAndMathml',
  // Any non-standard TeX is an error, except \htmlClass (KaTeX reports it as 'htmlExtension' under
  // strict mode even when `trust` admits it): derivation steps use it to highlight what changed.
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  throwOnError: true,
  trust: (context) => context.command === '\\htmlClass',
  maxExpand: 1000,
  maxSize: 20,
} as const satisfies KatexOptions;
