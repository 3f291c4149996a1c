import { describe, expect, it } from 'vitest';
import { deferModules, moduleLoader } from '../../components/present/deck-modules.ts';

const script = (src: string): string => `<script type="module" src="${src}"></script>`;

describe('deferModules', () => {
  it('takes the module scripts out, naming the element each follows, each once', () => {
    const html =
      `<p>a</p><activation-plot id="p1"><svg></svg></activation-plot>${script('/_astro/plot.js')}` +
      `<exercise-card></exercise-card>${script('/_astro/card.js')}<div hidden></div>${script('/_astro/ask.js')}` +
      `<activation-plot id="p2"></activation-plot>${script('/_astro/plot.js')}`;
    const out = deferModules(html);
    expect(out.html).toBe(
      '<p>a</p><activation-plot id="p1"><svg></svg></activation-plot><exercise-card></exercise-card>' +
        '<div hidden></div><activation-plot id="p2"></activation-plot>',
    );
    expect(out.modules).toEqual([
      { src: '/_astro/plot.js', tag: 'activation-plot' },
      { src: '/_astro/card.js', tag: 'exercise-card' },
      { src: '/_astro/ask.js' },
    ]);
  });

  it('leaves HTML without module scripts (and inline scripts) as it is', () => {
    const html = '<script type="application/json">{}</script><p>x</p>';
    expect(deferModules(html)).toEqual({ html, modules: [] });
  });
});

describe('moduleLoader', () => {
  const modules = [{ src: 'a.js', tag: 'activation-plot' }, { src: 'c.js', tag: 'exercise-card' }, { src: 'x.js' }];
  const scope = (...tags: string[]): ParentNode =>
    ({ querySelector: (sel: string) => (tags.includes(sel) ? {} : null) }) as unknown as ParentNode;

  it('loads only the code of the elements in scope, each module once', () => {
    const asked: string[] = [];
    const loader = moduleLoader(modules, (src) => (asked.push(src), Promise.resolve()));
    loader.loadFor(scope('activation-plot'));
    loader.loadFor(scope('activation-plot'));
    expect(asked).toEqual(['a.js']);
    loader.loadUntagged();
    expect(asked).toEqual(['a.js', 'x.js']);
  });

  it('loads everything once for loadAll, and tries a failed module again', async () => {
    const asked: string[] = [];
    let fail = true;
    const loader = moduleLoader(modules, (src) => {
      asked.push(src);
      if (src === 'c.js' && fail) return Promise.reject(new Error('offline'));
      return Promise.resolve();
    });
    const quiet = console.error;
    console.error = (): void => undefined;
    try {
      await loader.loadAll();
    } finally {
      console.error = quiet;
    }
    expect(asked).toEqual(['a.js', 'c.js', 'x.js']);
    fail = false;
    await loader.loadAll();
    expect(asked).toEqual(['a.js', 'c.js', 'x.js', 'c.js']);
  });
});
