/**
 * The deck's widget code, loaded on demand. A lesson's components bring their element code as
 * module scripts (`<script type="module" src>`, placed by Astro after the first element of each
 * kind); on a deck they would all load up front although the first slide (the title) needs none.
 * PresentDeck takes them out of the lesson's HTML at build time (`deferModules`) and lists them;
 * the deck imports each when a slide holding its element becomes current or next, or the
 * overview, print or a synced widget state needs it (`moduleLoader`). Scripts that follow no
 * custom element load when the main thread is first idle.
 */

/** One module script the deck loads later; `tag` is the custom element it defines, when known. */
export interface DeckModule {
  readonly src: string;
  readonly tag?: string;
}

const scriptPattern = /(<\/([a-z][a-z0-9]*-[a-z0-9-]*)>)?<script type="module" src="([^"]+)"><\/script>/g;

/** The lesson's HTML without its module scripts, and those scripts (each once, in order). */
export function deferModules(html: string): { html: string; modules: DeckModule[] } {
  const modules: DeckModule[] = [];
  const out = html.replace(scriptPattern, (_match, close: string | undefined, tag: string | undefined, src: string) => {
    if (!modules.some((m) => m.src === src)) modules.push(tag === undefined ? { src } : { src, tag });
    return close ?? '';
  });
  return { html: out, modules };
}

/** The list PresentDeck wrote: `<template data-deck-modules>` with one `<i data-src data-tag>` each. */
export function readDeckModules(root: ParentNode): DeckModule[] {
  const list = root.querySelector<HTMLTemplateElement>('template[data-deck-modules]');
  if (list === null) return [];
  return [...list.content.querySelectorAll<HTMLElement>('[data-src]')].flatMap((el) => {
    const src = el.dataset['src'] ?? '';
    const tag = el.dataset['tag'] ?? '';
    if (src === '') return [];
    return tag === '' ? [{ src }] : [{ src, tag }];
  });
}

export interface ModuleLoader {
  /** Loads the code of every not-yet-defined element inside `scope`. */
  loadFor(scope: ParentNode): void;
  /** Loads everything (the overview, print, the reading view, the build's measuring); settles when all have run. */
  loadAll(): Promise<void>;
  /** Loads the scripts that follow no element. */
  loadUntagged(): void;
}

export function moduleLoader(
  modules: readonly DeckModule[],
  load: (src: string) => Promise<unknown> = (src) => import(/* @vite-ignore */ src),
): ModuleLoader {
  const loaded = new Map<string, Promise<void>>();
  const once = (m: DeckModule): Promise<void> => {
    const known = loaded.get(m.src);
    if (known !== undefined) return known;
    const loading = load(m.src).then(
      () => undefined,
      (error: unknown) => {
        loaded.delete(m.src); // a later slide change tries again
        console.error(`present mode: could not load ${m.src}`, error);
      },
    );
    loaded.set(m.src, loading);
    return loading;
  };
  return {
    loadFor(scope) {
      for (const m of modules) if (m.tag !== undefined && scope.querySelector(m.tag) !== null) void once(m);
    },
    async loadAll() {
      await Promise.all(modules.map(once));
    },
    loadUntagged() {
      for (const m of modules) if (m.tag === undefined) void once(m);
    },
  };
}
