/** What Pagefind's JS API returns for one page (the fields we use). */
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  init(): Promise<void>;
  debouncedSearch(
    term: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

/**
 * The search page: Pagefind's index is built with the site (astro-pagefind); its small JS API is
 * loaded only when the reader starts typing, and results list the lesson and the section.
 */
export function startSearch() {
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!input || !status || !list) return;
  let engine: Promise<Pagefind> | undefined;
  const load = () => {
    // A URL in a variable keeps the bundler from resolving the index, which exists only in the build.
    const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
    engine ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefind) => {
      await pagefind.init();
      return pagefind;
    });
    return engine;
  };

  const render = (pages: PagefindData[], term: string) => {
    list.replaceChildren();
    status.textContent = term ? `${pages.length} lesson${pages.length === 1 ? '' : 's'} found for “${term}”.` : '';
    for (const page of pages) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = page.url;
      link.textContent = page.meta.title ?? page.url;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = page.excerpt; // Pagefind escapes the page text and adds <mark> around matches.
      item.append(link, excerpt);
      const sections = (page.sub_results ?? []).filter((s) => s.url !== page.url).slice(0, 3);
      if (sections.length > 0) {
        const sub = document.createElement('ul');
        sub.className = 'search-section';
        for (const section of sections) {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = section.url;
          a.textContent = section.title;
          li.append(a);
          sub.append(li);
        }
        item.append(sub);
      }
      list.append(item);
    }
  };

  const run = async () => {
    const term = input.value.trim();
    try {
      const pagefind = await load();
      const search = await pagefind.debouncedSearch(term, {}, 150);
      if (search === null) return; // superseded by a newer keystroke
      render(await Promise.all(search.results.slice(0, 10).map((r) => r.data())), term);
    } catch {
      status.textContent = 'Search is not available in this build. The list of lessons is on the home page.';
    }
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
  input.focus();
}
