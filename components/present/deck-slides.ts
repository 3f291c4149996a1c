/**
 * Browser side of slide making: cut the rendered lesson into `<section class="slide">` elements,
 * find each slide's fragments and speaker notes, show a number of fragments, and fit a slide's
 * content to the stage. The decisions themselves are pure and tested (group-slides.ts, fit-scale.ts).
 */
import { fitScale, stageHeight, stageWidth } from './fit-scale.ts';
import { groupSlides } from './group-slides.ts';
import { planFits, type SectionCut } from './deck-plan.ts';
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
export const slidePadding = { x: 96, top: 40, bottom: 64 };

/**
 * Moves `source`'s children into slides appended to `stage`; `source` is left empty. Each node is
 * moved exactly once (custom elements reconnect on every move). Long sections are split across
 * slides where `plan` says (the cuts made at build time, see deck-plan.ts), or else where one
 * measuring pass says, with `source` laid out as slide content (class `deck-measure`). Returns the
 * slides, the cuts used and whether they were the plan's.
 */
export function buildSlides(
  source: HTMLElement,
  stage: HTMLElement,
  plan?: readonly SectionCut[],
): { slides: Slide[]; cuts: SectionCut[]; planned: boolean } {
  const sections = groupSlides([...source.childNodes]).map(sectionOf);
  let cuts: SectionCut[];
  const planned =
    plan !== undefined &&
    planFits(
      plan,
      sections.map((s) => s.placed.length),
    );
  if (planned) cuts = [...plan];
  else {
    source.classList.add('deck-measure');
    cuts = measureSections(sections, source);
    source.classList.remove('deck-measure');
  }
  const pages = sections.flatMap((section, k) => cutSection(section, cuts[k] ?? { blocks: 0, starts: [0], empty: [] }));
  return { slides: pages.map((page, index) => finishSlide(page, index, pages.length, stage)), cuts, planned };
}

/** Whether a plan's cuts belong to this lesson (same sections, same blocks); reads structure, not layout. */
export function planFitsLesson(source: HTMLElement, plan: readonly SectionCut[]): boolean {
  return planFits(
    plan,
    groupSlides([...source.childNodes]).map((nodes) => sectionOf(nodes).placed.length),
  );
}

/** The room for content on a slide, in stage pixels (the bottom padding is where the controls sit). */
const room = { width: stageWidth - 2 * slidePadding.x, height: stageHeight - slidePadding.top - slidePadding.bottom };

/**
 * Containers whose children may go to different slides: a lesson's exercise list (so that each
 * exercise is a prompt on a slide of its own) and an exercise (its worked solution may follow on the
 * next slide); a derivation, down to its list of steps (so that a long derivation continues on the
 * next slide under its caption, marked "continued", instead of scrolling or shrinking); and a
 * top-level list (a long list of sources). The container goes with its first slide; each later
 * slide gets a copy without id and without behaviour (a custom element is copied as a plain `div`).
 */
export const splittableSelector = [
  '.exercises',
  '.exercise',
  '.exercise > section',
  '.derivation',
  '.derivation > figure',
  'ol.derivation-steps',
  '[data-deck-source] > :is(ul, ol)',
].join(', ');

/** What starts a slide of its own inside a splittable container. */
const ownSlideSelector = '.exercise';

/** Marks a container's copy on a later slide. */
const continuedAttribute = 'data-continued';

/** One slide's worth of a section: its nodes, and the heading it continues, if it is not the first. */
interface Page {
  readonly nodes: ChildNode[];
  readonly continues: string | undefined;
}

/** A node to place, and the splittable containers it sits in (outermost first). */
interface Unit {
  readonly node: ChildNode;
  readonly path: readonly HTMLElement[];
}

function flatten(node: ChildNode, path: readonly HTMLElement[]): Unit[] {
  if (node instanceof HTMLElement && node.matches(splittableSelector))
    return [...node.childNodes].flatMap((child) => flatten(child, [...path, node]));
  return [{ node, path }];
}

/** The outer height of an element (border box and vertical margins), in layout px. */
function outerHeight(el: Element): number {
  const style = getComputedStyle(el);
  return el.getBoundingClientRect().height + parseFloat(style.marginTop || '0') + parseFloat(style.marginBottom || '0');
}

/** The margin, border and padding of each container on one side (margins do not collapse with a copy's). */
function edges(path: readonly HTMLElement[], side: 'top' | 'bottom'): number {
  let sum = 0;
  for (const container of path) {
    const style = getComputedStyle(container);
    for (const property of [`margin-${side}`, `padding-${side}`, `border-${side}-width`])
      sum += parseFloat(style.getPropertyValue(property) || '0');
  }
  return sum;
}

/**
 * The room a continued page needs above its first block: the section heading marked "continued"
 * (measured as it will be set), the top edges of every container the copies repeat, and a figure's
 * caption, which its copy repeats.
 */
function carryOf(path: readonly HTMLElement[], headingRoom: number): number {
  let carry = headingRoom + edges(path, 'top');
  for (const container of path) {
    const caption = container.tagName === 'FIGURE' ? container.querySelector(':scope > figcaption') : null;
    if (caption === null) continue;
    const kicker = caption.querySelector(kickerSelector);
    carry += outerHeight(caption) - (kicker === null ? 0 : outerHeight(kicker));
  }
  return carry;
}

/** A section of the lesson (the nodes of one slide before cutting) and the blocks it may be cut between. */
interface Section {
  readonly nodes: ChildNode[];
  readonly units: Unit[];
  /** The blocks, in order: the units that are elements (speaker notes excepted). */
  readonly placed: { node: HTMLElement; path: readonly HTMLElement[] }[];
  /** The text of the section's heading, repeated "continued" on its later slides. */
  readonly headingText: string | undefined;
}

function sectionOf(nodes: ChildNode[]): Section {
  const units = nodes.flatMap((node) => flatten(node, []));
  const placed = units.filter(
    (u): u is { node: HTMLElement; path: readonly HTMLElement[] } =>
      u.node instanceof HTMLElement && !u.node.matches('[data-speaker-notes]'),
  );
  const headingText = placed
    .find((u) => u.node.tagName === 'H2')
    ?.node.textContent?.replace(/\s+/g, ' ')
    .trim();
  return { nodes, units, placed, headingText };
}

/**
 * Measures every section in one pass (one layout of the lesson, laid out as slide content) and
 * chooses its cuts (see pack-pages.ts): the writes first (every answer opened, a probe for each
 * "continued" heading), then only reads, then the writes undone.
 */
function measureSections(sections: readonly Section[], source: HTMLElement): SectionCut[] {
  // Measure with every answer open: revealing one must never overflow the slide.
  const closed = sections
    .flatMap((s) => s.nodes)
    .filter((n): n is HTMLElement => n instanceof HTMLElement)
    .flatMap((el) => [...el.querySelectorAll('details')])
    .filter((d) => !d.open);
  for (const d of closed) d.open = true;
  // The probes go after the lesson, so they move none of the blocks being measured.
  const probes = sections.map((s) => (s.headingText === undefined ? undefined : continuedProbe(s, source)));
  const cuts = sections.map((section, k) => {
    const probe = probes[k];
    return cutPoints(section, probe === undefined ? 0 : outerHeight(probe));
  });
  for (const probe of probes) probe?.remove();
  for (const d of closed) d.open = false;
  return cuts;
}

/** Where one section is cut, from the measured extent of its blocks (reads layout, writes nothing). */
function cutPoints({ placed }: Section, headingRoom: number): SectionCut {
  let previousBottom = placed[0]?.node.getBoundingClientRect().top ?? 0;
  // Each exercise starts a slide: its first block does (the exercise itself, or its first part).
  const started = new Set<HTMLElement>();
  const startsExercise = (el: HTMLElement, path: readonly HTMLElement[]): boolean => {
    if (el.matches(ownSlideSelector)) return true;
    const exercise = path.find((c) => c.matches(ownSlideSelector));
    if (exercise === undefined || started.has(exercise) || !(el.offsetHeight > 0)) return false;
    started.add(exercise);
    return true;
  };
  const blocks = placed.map(({ node: el, path }) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const rendered = box.width > 0 || box.height > 0;
    // An element that is not rendered (hidden) takes no room: an empty block where the last one ended.
    const top = rendered ? box.top - parseFloat(style.marginTop || '0') : previousBottom;
    const bottom = rendered ? box.bottom + parseFloat(style.marginBottom || '0') : previousBottom;
    previousBottom = bottom;
    return {
      top,
      bottom,
      heading: /^(H[1-6]|FIGCAPTION|HEADER)$/.test(el.tagName),
      breakBefore: startsExercise(el, path),
      carry: carryOf(path, headingRoom),
      tail: edges(path, 'bottom'),
    };
  });
  return {
    blocks: blocks.length,
    starts: packPages(blocks, room.height),
    empty: blocks.flatMap((b, i) => (b.bottom > b.top ? [] : [i])),
  };
}

/** Moves a section's nodes into the pages its cut makes (writes only; no layout is read). */
function cutSection({ units, placed, headingText }: Section, cut: SectionCut): Page[] {
  const elements = placed.map((u) => u.node);
  const firstOfPage = new Set<ChildNode | undefined>(cut.starts.slice(1).map((i) => elements[i]));
  const empty = new Set(cut.empty);
  const rendered = new Set<ChildNode>(elements.filter((_, i) => !empty.has(i)));
  const pages: Page[] = [{ nodes: [], continues: undefined }];
  const shells = new Map<HTMLElement, { page: Page; shell: HTMLElement }>();
  // Nodes that take no room (whitespace, a template script) wait for the next node that does, so
  // that they never open a container's copy, an empty box, on a slide of their own.
  let pending: Unit[] = [];
  const place = ({ node, path }: Unit, page: Page): void => {
    let parent: HTMLElement | undefined;
    for (const container of path) {
      const known = shells.get(container);
      let shell = known?.page === page ? known.shell : undefined;
      if (shell === undefined) {
        shell = known === undefined ? container : continuedCopy(container);
        shells.set(container, { page, shell });
        if (parent === undefined) page.nodes.push(shell);
        else if (shell.parentNode !== parent) parent.append(shell);
      }
      parent = shell;
    }
    // Nodes that stay in their original container are not moved (a move reconnects custom elements).
    if (parent === undefined) page.nodes.push(node);
    else if (node.parentNode !== parent) parent.append(node);
  };
  const hasShellOn = (path: readonly HTMLElement[], page: Page): boolean => {
    const inner = path[path.length - 1];
    return inner === undefined || shells.get(inner)?.page === page;
  };
  for (const unit of units) {
    if (firstOfPage.has(unit.node)) pages.push({ nodes: [], continues: headingText });
    const page = pages[pages.length - 1];
    if (page === undefined) continue;
    if (!rendered.has(unit.node) && !hasShellOn(unit.path, page)) {
      pending.push(unit);
      continue;
    }
    for (const waiting of pending) place(waiting, page);
    pending = [];
    place(unit, page);
  }
  const last = pages[pages.length - 1];
  if (last !== undefined) for (const waiting of pending) place(waiting, last);
  // A continued list of steps counts on from its first step.
  for (const page of pages)
    for (const node of page.nodes)
      if (node instanceof HTMLElement)
        for (const list of node.querySelectorAll<HTMLOListElement>(`ol[${continuedAttribute}]`)) {
          const first = list.querySelector<HTMLElement>(':scope > [data-step]');
          if (first) list.start = Number(first.dataset['step']);
        }
  return pages;
}

/**
 * The "… (continued)" heading as it will be set, to measure: a copy of the section's heading in the
 * same context (a child of the lesson), appended after the lesson's last node.
 */
function continuedProbe({ nodes, headingText }: Section, source: HTMLElement): HTMLElement | undefined {
  const heading = nodes.find((n): n is HTMLElement => n instanceof HTMLElement && n.tagName === 'H2');
  if (heading === undefined || headingText === undefined) return undefined;
  const probe = heading.cloneNode(false) as HTMLElement;
  probe.removeAttribute('id');
  probe.className = 'slide-continued';
  probe.textContent = continuedTitle(headingText);
  source.append(probe);
  return probe;
}

function continuedTitle(text: string): string {
  return `${text} (continued)`;
}

let copies = 0;

/** A caption's kicker ("Derivation") is not repeated: the slide's heading already says "continued". */
const kickerSelector = '.derivation-kicker';

/**
 * A copy of a splittable container for a later slide: no children, no id, no behaviour (a custom
 * element becomes a `div` with its attributes, so its class and scoped styles still apply). A
 * figure's copy repeats its caption (without its kicker), marked "continued".
 */
function continuedCopy(container: HTMLElement): HTMLElement {
  const doc = container.ownerDocument;
  let copy: HTMLElement;
  if (container.localName.includes('-')) {
    copy = doc.createElement('div');
    for (const { name, value } of container.attributes) copy.setAttribute(name, value);
  } else copy = container.cloneNode(false) as HTMLElement;
  copy.removeAttribute('id');
  copy.setAttribute(continuedAttribute, '');
  const caption = container.tagName === 'FIGURE' ? container.querySelector(':scope > figcaption') : null;
  if (caption !== null) {
    const repeated = caption.cloneNode(true) as HTMLElement;
    repeated.querySelector(kickerSelector)?.remove();
    copies += 1;
    repeated.id = `continued-caption-${String(copies)}`;
    const mark = doc.createElement('span');
    mark.className = 'continued-mark';
    mark.textContent = ' (continued)';
    repeated.append(mark);
    copy.setAttribute('aria-labelledby', repeated.id);
    copy.append(repeated);
  }
  return copy;
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
    heading.textContent = continuedTitle(page.continues);
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
    // A fragment inside a fragment is revealed with its parent, not on a click of its own; the first
    // step of a continued derivation shows with its slide (the click that brought the slide showed it).
    (el, _, all) =>
      !all.some((other) => other !== el && other.contains(el)) &&
      !(el.matches(`ol[${continuedAttribute}] > [data-step]`) && el.previousElementSibling === null),
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
 * Fits a slide's content to the stage: the largest scale ≤ 1 at which everything fits, on screen and
 * in print alike. Slides are cut so that it is 1 (the type stays at its set size); below 1 only for a
 * single block that cannot be cut (the browser test reports such slides by their small type).
 * Measured with every fragment shown, so revealing one never changes the scale. Sets CSS variables
 * read by the deck's stylesheet.
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
  content.style.removeProperty('transform');
  content.style.removeProperty('width');
  for (const d of closed) d.open = false;
  applyFit(slide, scale);
  return scale;
}

/** Sets a slide's scale (from fitSlide, or from the build's plan) without measuring anything. */
export function applyFit(slide: Slide, scale: number): void {
  const { content } = slide;
  const { width } = room;
  content.style.setProperty('--fit', String(scale));
  content.style.setProperty('--fit-width', `${String(width / scale)}px`);
  content.style.setProperty('--screen-scale', String(scale));
  content.style.setProperty('--screen-width', `${String(width / scale)}px`);
  slide.section.dataset['fit'] = scale.toFixed(3);
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
