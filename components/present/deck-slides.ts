/**
 * Browser side of slide making: cut the rendered lesson into `<section class="slide">` elements,
 * find each slide's fragments and speaker notes, show a number of fragments, and fit a slide's
 * content to the stage. The decisions themselves are pure and tested (group-slides.ts, fit-scale.ts).
 */
import { fitScale, stageHeight, stageWidth } from './fit-scale.ts';
import { groupSlides } from './group-slides.ts';
import { packPages } from './pack-pages.ts';
import { STATIC_COPY_ATTRIBUTE } from '../shared/static-copy.ts';

/** One slide of the deck. */
export interface Slide {
  readonly section: HTMLElement;
  /** The box that is scaled to fit; holds the lesson's nodes. */
  readonly content: HTMLElement;
  /** Revealed one click at a time, in document order. */
  readonly fragments: readonly HTMLElement[];
  /** The speaker notes of this slide, as HTML (empty when there are none). */
  readonly notesHtml: string;
  /** The slide's heading text, for the overview, the speaker view and screen readers. */
  readonly title: string;
}

/**
 * What becomes a fragment. A derivation's later steps (its first step stays visible, to be read
 * before the first click); an exercise's worked solution (the prompt shows, the answer opens on a
 * click); and anything an author marks with `data-fragment`.
 */
export const fragmentSelector = [
  ".derivation [data-step]:not([data-step='1'])",
  '.exercise details[data-solution]',
  '[data-exercise-solution]',
  '[data-fragment]',
].join(', ');

/** Room for content on the stage: the stage less the slide's padding (kept in step with the CSS). */
export const slidePadding = { x: 96, y: 64 };

/**
 * Moves `source`'s children into slides appended to `stage`; `source` is left empty. Each node is
 * moved exactly once (custom elements reconnect on every move): sections are measured in place,
 * with `source` laid out as slide content (class `deck-measure`), and long ones split across slides.
 */
export function buildSlides(source: HTMLElement, stage: HTMLElement): Slide[] {
  source.classList.add('deck-measure');
  const pages = groupSlides([...source.childNodes]).flatMap(splitSection);
  source.classList.remove('deck-measure');
  return pages.map((page, index) => finishSlide(page, index, pages.length, stage));
}

/** The room for content on a slide, in stage pixels. */
const room = { width: stageWidth - 2 * slidePadding.x, height: stageHeight - 2 * slidePadding.y };

/**
 * Containers whose children may go to different slides: a lesson's exercise list, so that each
 * exercise is a prompt on a slide of its own. Each slide gets a shallow copy of the container.
 */
export const splittableSelector = '.exercises';

/** What starts a slide of its own inside a splittable container. */
const ownSlideSelector = '.exercise';

/** One slide's worth of a section: its nodes, and the heading it continues, if it is not the first. */
interface Page {
  readonly nodes: ChildNode[];
  readonly continues: string | undefined;
}

/** A node to place, and the splittable container it came from, if any. */
interface Unit {
  readonly node: ChildNode;
  readonly wrapper: HTMLElement | undefined;
}

/** Splits a section into as many slides as its measured height needs (see pack-pages.ts). */
function splitSection(nodes: ChildNode[]): Page[] {
  const units = nodes.flatMap((node): Unit[] =>
    node instanceof HTMLElement && node.matches(splittableSelector)
      ? [...node.childNodes].map((child) => ({ node: child, wrapper: node }))
      : [{ node, wrapper: undefined }],
  );
  const elements = units
    .map((u) => u.node)
    .filter((n): n is HTMLElement => n instanceof HTMLElement && !n.matches('[data-speaker-notes]'));
  // Measure with every answer open: revealing one must never overflow the slide.
  const closed = elements.flatMap((el) => [...el.querySelectorAll('details')]).filter((d) => !d.open);
  for (const d of closed) d.open = true;
  let previousBottom = elements[0]?.getBoundingClientRect().top ?? 0;
  const blocks = elements.map((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const rendered = box.width > 0 || box.height > 0;
    // An element that is not rendered (hidden) takes no room: an empty block where the last one ended.
    const top = rendered ? box.top - parseFloat(style.marginTop || '0') : previousBottom;
    const bottom = rendered ? box.bottom + parseFloat(style.marginBottom || '0') : previousBottom;
    previousBottom = bottom;
    return { top, bottom, heading: /^H[1-6]$/.test(el.tagName), breakBefore: el.matches(ownSlideSelector) };
  });
  for (const d of closed) d.open = false;
  const starts = packPages(blocks, room.height);
  const firstOfPage = new Set<ChildNode | undefined>(starts.slice(1).map((i) => elements[i]));
  const headingText = elements
    .find((el) => el.tagName === 'H2')
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();
  const pages: Page[] = [{ nodes: [], continues: undefined }];
  const shells = new Map<HTMLElement, { page: Page; shell: HTMLElement }>();
  for (const { node, wrapper } of units) {
    if (firstOfPage.has(node)) pages.push({ nodes: [], continues: headingText });
    const page = pages[pages.length - 1];
    if (page === undefined) continue;
    if (wrapper === undefined) {
      page.nodes.push(node);
      continue;
    }
    // The container itself goes with its first slide; later slides get a shallow copy without id.
    let shell = shells.get(wrapper)?.page === page ? shells.get(wrapper)?.shell : undefined;
    if (shell === undefined) {
      shell = shells.has(wrapper) ? (wrapper.cloneNode(false) as HTMLElement) : wrapper;
      if (shell !== wrapper) shell.removeAttribute('id');
      shells.set(wrapper, { page, shell });
      page.nodes.push(shell);
    }
    // Nodes that stay in the original container are not moved (a move reconnects custom elements).
    if (node.parentNode !== shell) shell.append(node);
  }
  return pages;
}

/** Builds one slide from its nodes: fragments numbered, notes lifted out, labelled. */
function finishSlide(page: Page, index: number, total: number, stage: HTMLElement): Slide {
  const doc = stage.ownerDocument;
  const section = doc.createElement('section');
  section.className = 'slide';
  section.dataset['slide'] = String(index + 1);
  section.setAttribute('aria-roledescription', 'slide');
  const content = doc.createElement('div');
  content.className = 'slide-content';
  if (page.continues !== undefined) {
    const heading = doc.createElement('h2');
    heading.className = 'slide-continued';
    heading.textContent = `${page.continues} (continued)`;
    content.append(heading);
  }
  content.append(...page.nodes);
  section.append(content);
  stage.append(section);
  const notes = [...content.querySelectorAll<HTMLElement>('[data-speaker-notes]')];
  const notesHtml = notes.map((n) => n.innerHTML).join('\n');
  for (const n of notes) n.remove();
  if (content.querySelector('[data-title-slide]') !== null) section.classList.add('slide-title');
  const fragments = [...content.querySelectorAll<HTMLElement>(fragmentSelector)].filter(
    // A fragment inside a fragment is revealed with its parent, not on a click of its own.
    (el, _, all) => !all.some((other) => other !== el && other.contains(el)),
  );
  fragments.forEach((el, i) => {
    el.classList.add('fragment');
    el.dataset['fragmentIndex'] = String(i + 1);
  });
  const heading = content.querySelector('h1, h2, h3');
  const title = heading?.textContent?.replace(/\s+/g, ' ').trim() || `Slide ${String(index + 1)}`;
  section.setAttribute('aria-label', `${String(index + 1)} of ${String(total)}: ${title}`);
  return { section, content, fragments, notesHtml, title };
}

/** Shows the first `count` fragments of a slide and hides the rest; the newest is marked current. */
export function showFragments(root: ParentNode, count: number): void {
  for (const el of root.querySelectorAll<HTMLElement>('.fragment')) {
    const index = Number(el.dataset['fragmentIndex']);
    const shown = index <= count;
    el.classList.toggle('fragment-shown', shown);
    el.classList.toggle('fragment-current', index === count);
    // A derivation hides later steps, an exercise its solution, with `hidden`; on a slide the deck decides.
    if (el.hidden && el.matches('[data-step], [data-solution]')) el.hidden = false;
    if (el instanceof HTMLDetailsElement) el.open = shown;
  }
}

/**
 * On screen nothing is scaled below this: a long derivation then follows the newest step, like a
 * board whose top lines scroll away (see `followFragment`). Print uses the full fit, so a page shows all.
 */
export const readableScale = 0.72;

/**
 * Fits a slide's content to the stage: the scale at which everything fits (used in print) and the
 * screen scale, never below `readableScale`. Measured with every fragment shown, so revealing one
 * never changes the scale. Sets CSS variables read by the deck's stylesheet.
 */
export function fitSlide(slide: Slide): number {
  const { content } = slide;
  const closed = slide.fragments.filter((el): el is HTMLDetailsElement => el instanceof HTMLDetailsElement && !el.open);
  for (const d of closed) d.open = true;
  const { width, height } = room;
  content.style.transform = 'none';
  const measure = (layoutWidth: number): { width: number; height: number } => {
    content.style.width = `${String(layoutWidth)}px`;
    return { width: content.scrollWidth, height: content.scrollHeight };
  };
  const scale = fitScale(measure, { width, height });
  // On screen a tall slide may scroll, but it must never be wider than the stage. (When the full fit
  // is readable it is the screen scale, and the width fits at it by construction.)
  const screen =
    scale >= readableScale
      ? scale
      : Math.min(fitScale(measure, { width, height: Number.POSITIVE_INFINITY }), readableScale);
  content.style.removeProperty('transform');
  content.style.removeProperty('width');
  content.style.setProperty('--fit', String(scale));
  content.style.setProperty('--fit-width', `${String(width / scale)}px`);
  content.style.setProperty('--screen-scale', String(screen));
  content.style.setProperty('--screen-width', `${String(width / screen)}px`);
  slide.section.dataset['fit'] = scale.toFixed(3);
  for (const d of closed) d.open = false;
  return scale;
}

/**
 * Scrolls a slide whose content is taller than the stage (at the screen scale) so that the newest
 * fragment is in view, with a little room below it; at fragment 0 the slide shows its top.
 */
export function followFragment(slide: Slide, fragment: number): void {
  const { content } = slide;
  const screen = Number(content.style.getPropertyValue('--screen-scale')) || 1;
  const total = content.scrollHeight * screen;
  let offset = 0;
  const newest = slide.fragments[fragment - 1];
  if (total > room.height + 1 && newest !== undefined) {
    // Layout px → stage px: the ratio of the rendered to the laid-out height includes every scale.
    const box = content.getBoundingClientRect();
    const perStagePx = content.offsetHeight > 0 ? box.height / (content.offsetHeight * screen) : 1;
    const bottom = (newest.getBoundingClientRect().bottom - box.top) / perStagePx + 24;
    offset = Math.min(Math.max(0, bottom - room.height), total - room.height);
  }
  content.style.setProperty('--offset', `${String(offset)}px`);
  slide.section.classList.toggle('slide-scrolled', offset > 0);
}

/** A copy of a slide for a preview (overview, next slide): inert, no ids, hidden from assistive tech. */
export function previewOf(slide: Slide, fragments: number): HTMLElement {
  const copy = slide.section.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
  copy.removeAttribute('aria-label');
  copy.removeAttribute('aria-roledescription');
  copy.setAttribute('aria-hidden', 'true');
  copy.setAttribute(STATIC_COPY_ATTRIBUTE, '');
  copy.inert = true;
  copy.classList.add('slide-current');
  showFragments(copy, fragments);
  return copy;
}

/** A preview (or any built slide element) seen as a Slide, to scroll it like the real one. */
export function slideOf(section: HTMLElement): Slide {
  const content = section.querySelector<HTMLElement>('.slide-content') ?? section;
  const fragments = [...section.querySelectorAll<HTMLElement>('.fragment')].sort(
    (a, b) => Number(a.dataset['fragmentIndex']) - Number(b.dataset['fragmentIndex']),
  );
  return { section, content, fragments, notesHtml: '', title: section.getAttribute('aria-label') ?? '' };
}
