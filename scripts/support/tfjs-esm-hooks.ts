/**
 * Lets Node load TensorFlow.js's ESM build, for the training benchmark only. tfjs-core keeps its
 * gradient functions out of the Node bundle (`main`); they exist only in the ESM build, whose imports
 * omit the `.js` extension (written for bundlers). These hooks send the bare package names to the
 * ESM entry points, so core, CPU backend and gradients share one module graph, and retry a relative
 * import that Node cannot find with `.js` (then `/index.js`) appended.
 */
import { createRequire, registerHooks } from 'node:module';

// The ESM build's Node platform file still calls `require('util')`, as bundlers allow; give it one.
(globalThis as { require?: NodeJS.Require }).require ??= createRequire(import.meta.url);

const esmEntry: Record<string, string> = {
  '@tensorflow/tfjs-core': '@tensorflow/tfjs-core/dist/index.js',
  '@tensorflow/tfjs-backend-cpu': '@tensorflow/tfjs-backend-cpu/dist/index.js',
};

registerHooks({
  resolve(specifier, context, nextResolve) {
    const entry = esmEntry[specifier];
    if (entry !== undefined) return nextResolve(entry, context);
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const inTfjs = context.parentURL?.includes('/@tensorflow/') ?? false;
      const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT';
      if (missing && inTfjs && specifier.startsWith('.')) {
        // `./gradients` may name both gradients.js and a directory gradients/: bundlers pick the file first.
        try {
          return nextResolve(`${specifier}.js`, context);
        } catch {
          return nextResolve(`${specifier}/index.js`, context);
        }
      }
      throw error;
    }
  },
});
