import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from '../../../scripts/serve-dist.ts';
import { chromiumPath } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Serve the built site on 127.0.0.1 for the whole browser-test run. */
export default async function setup(project: TestProject) {
  chromiumPath(); // fail first, and clearly, when there is no browser
  // DIST_DIR lets several builds coexist (e.g. one per developer working in the same checkout).
  const root = resolve(process.env['DIST_DIR'] ?? 'dist');
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` first (npm run test:e2e does).');
  }
  const { server, url } = await serveDist(root);
  project.provide('baseURL', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
