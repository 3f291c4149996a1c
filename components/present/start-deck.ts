/**
 * The presenter: turns the server-rendered lesson inside `[data-deck]` into slides and runs them,
 * either as the projector view or (with `?speaker` in the URL) as the speaker view, the two kept in
 * step over a BroadcastChannel. Framework-free; the decisions it makes are pure functions in
 * deck-position.ts, key-command.ts, fit-scale.ts, group-slides.ts and sync-message.ts.
 *
 * Widget protocol (for live plots on slides): a widget whose state the reader changes dispatches
 * `new CustomEvent('widget-state', { bubbles: true, detail: { id, state } })`, where `id` is the
 * widget element's DOM id and `state` is structured-cloneable. To apply a state received from the
 * other window, the deck dispatches `new CustomEvent('widget-state-apply', { detail: { id, state } })`
 * on `document.getElementById(id)`; the widget applies it without dispatching `widget-state` again.
 */
import { THEME_KEY } from '../../src/layouts/site.ts';
import {
  clampPosition,
  firstPosition,
  formatHash,
  jumpPosition,
  lastPosition,
  nextPosition,
  parseHash,
  previousPosition,
  samePosition,
  type DeckPosition,
} from './deck-position.ts';
import {
  applyFit,
  buildSlides,
  planFitsLesson,
  fitSlide,
  followFragment,
  previewOf,
  showFragments,
  slideOf,
  type Slide,
} from './deck-slides.ts';
import { planQuery, planVersion, readDeckPlan, type DeckPlan } from './deck-plan.ts';
import { deckView } from './deck-view.ts';
import { moduleLoader, readDeckModules } from './deck-modules.ts';
import { letterbox } from './fit-scale.ts';
import { fitText } from './fit-text.ts';
import { keyCommand, type DeckCommand } from './key-command.ts';
import { elapsed, formatElapsed, pauseWatch, startWatch, stoppedWatch, type Stopwatch } from './speaker-clock.ts';
import { channelName, readSyncMessage, type SyncMessage } from './sync-message.ts';

/** Horizontal travel (CSS px) that makes a touch a swipe. */
const swipeDistance = 50;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (el === null) throw new Error(`present mode: missing ${selector}`);
  return el;
}

/** Keeps a stage letterboxed in its viewport, now and whenever the viewport changes size. */
function scaleStage(viewport: HTMLElement, stage: HTMLElement): void {
  const apply = (): void => {
    const { scale, x, y } = letterbox(viewport.clientWidth, viewport.clientHeight);
    stage.style.transform = `translate(${String(x)}px, ${String(y)}px) scale(${String(scale)})`;
  };
  new ResizeObserver(apply).observe(viewport);
  apply();
}

/** Keys typed into a form control belong to the control (a range slider needs its arrows). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.matches('input, textarea, select');
}

export async function startDeck(root: HTMLElement): Promise<void> {
  const lessonId = root.dataset['lesson'] ?? 'lesson';
  const speaker = new URLSearchParams(location.search).has('speaker');
  const widgets = moduleLoader(readDeckModules(root));
  if (deckView(document.documentElement) === 'reading') {
    // The lesson read as a page: its widgets wait for the reader's scroll themselves.
    root.dataset['mode'] = 'reading';
    void widgets.loadAll();
    return;
  }
  root.dataset['mode'] = speaker ? 'speaker' : 'audience';
  if (speaker) document.title = `Speaker view · ${document.title}`;

  const source = required<HTMLElement>(root, '[data-deck-source]');
  const main = required<HTMLElement>(root, '[data-deck-main]');
  const viewport = required<HTMLElement>(root, '[data-viewport]');
  const stage = required<HTMLElement>(root, '[data-stage]');
  const hud = required<HTMLElement>(root, '[data-hud]');
  const counter = required<HTMLElement>(root, '[data-counter]');
  const typedOut = required<HTMLElement>(root, '[data-typed]');
  const blackoutEl = required<HTMLElement>(root, '[data-blackout]');
  const overview = required<HTMLElement>(root, '[data-overview]');
  const overviewGrid = required<HTMLElement>(root, '[data-overview-grid]');
  const help = required<HTMLElement>(root, '[data-help]');
  const announce = required<HTMLElement>(root, '[data-announce]');
  const panel = required<HTMLElement>(root, '[data-speaker-panel]');
  const nextViewport = required<HTMLElement>(root, '[data-next-viewport]');
  const nextStage = required<HTMLElement>(root, '[data-next-stage]');
  const notesOut = required<HTMLElement>(root, '[data-notes]');
  const nextLabel = required<HTMLElement>(root, '[data-next-label]');

  // The build cut the slides (deck-plan.ts); without its plan (or with a stale one) the browser
  // measures them, with the real fonts. The lesson is laid out as slide content once first, so that
  // the browser asks for the fonts it uses (KaTeX's load only when text needs them), and then the
  // deck waits for them (they are local: this is quick; the build waits longer).
  const planScript = root.querySelector<HTMLScriptElement>('script[data-deck-plan]');
  const measuring = new URLSearchParams(location.search).has(planQuery);
  const read = measuring ? undefined : readDeckPlan(planScript?.textContent);
  const plan = read !== undefined && planFitsLesson(source, read.sections) ? read : undefined;
  let fontsIn = true;
  if (plan === undefined) {
    // Slides are measured with every element defined (a widget's code shapes it: a derivation's steps
    // become fragments), as the build's plan was; with the plan, each loads when its slide is near.
    await widgets.loadAll();
    source.classList.add('deck-measure');
    void source.offsetHeight;
    fontsIn = await Promise.race([
      document.fonts.ready.then(() => true),
      new Promise<boolean>((done) => setTimeout(() => done(false), measuring ? 20_000 : 2000)),
    ]);
  }
  performance.mark('deck:cut-start');
  main.hidden = false;
  const built = buildSlides(source, stage, plan?.sections);
  const slides: Slide[] = built.slides;
  source.remove();
  performance.measure('deck:cut', 'deck:cut-start');
  const shape = slides.map((s) => s.fragments.length);
  hud.hidden = false;
  panel.hidden = !speaker;
  scaleStage(viewport, stage);
  if (speaker) scaleStage(nextViewport, nextStage);

  let position: DeckPosition = clampPosition(shape, parseHash(location.hash) ?? firstPosition);
  let typed = '';
  let blackout = false;

  // ---- fitting: lazily, the current slide at once and its neighbours in idle time, each once until
  // its content changes. Only the current slide is laid out: the others are display: none (a
  // neighbour is shown to the layout, class slide-near, only while it is fitted). The build's plan
  // brings every slide's scale, so a deck opens without fitting any.
  const fitted = new Map<Slide, number>();
  const slideAt = new Map<Element, Slide>(slides.map((s) => [s.section, s]));
  if (built.planned && plan !== undefined && plan.fits.length === slides.length)
    slides.forEach((slide, i) => {
      const scale = plan.fits[i] ?? 1;
      applyFit(slide, scale);
      fitted.set(slide, scale);
    });
  const near = (): Slide[] => [position.slide, position.slide + 1, position.slide - 1].flatMap((i) => slides[i] ?? []);
  const fitOne = (slide: Slide): void => {
    const shown = slide.section.classList.contains('slide-current');
    if (!shown) slide.section.classList.add('slide-near');
    fitted.set(slide, fitSlide(slide));
    if (!shown) slide.section.classList.remove('slide-near');
  };
  const whenIdle = (task: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
    else setTimeout(task, 50);
  };
  let idleFitQueued = false;
  /** The current slide now (it is about to be shown), its neighbours when the main thread is idle. */
  const fitNear = (): void => {
    const current = slides[position.slide];
    if (current !== undefined && !fitted.has(current)) fitOne(current);
    if (idleFitQueued || near().every((s) => fitted.has(s))) return;
    idleFitQueued = true;
    whenIdle(() => {
      idleFitQueued = false;
      const waiting = near().filter((slide) => !fitted.has(slide));
      for (const slide of waiting) fitOne(slide);
      if (speaker && waiting.length > 0) renderNext();
    });
  };
  /** Fits every slide not fitted yet, all laid out for the moment (print and the overview show them all). */
  const fitEvery = (): void => {
    if (slides.every((s) => fitted.has(s))) return;
    root.classList.add('deck-fit-all');
    for (const slide of slides) if (!fitted.has(slide)) fitted.set(slide, fitSlide(slide));
    root.classList.remove('deck-fit-all');
  };
  let refitTimer: ReturnType<typeof setTimeout> | undefined;
  const refitSoon = (): void => {
    clearTimeout(refitTimer);
    refitTimer = setTimeout(() => {
      fitNear();
      const current = slides[position.slide];
      if (current !== undefined) followFragment(current, position.fragment);
      if (speaker) renderNext();
    }, 150);
  };
  // Elements added or removed (a widget draws its SVG) change a slide's size: that slide is fitted
  // again when it is next near. Text updates in live regions and our own class and style changes
  // do not, and must not refit.
  new MutationObserver((records) => {
    let nearChanged = false;
    const around = new Set(near());
    for (const r of records) {
      if (![...r.addedNodes, ...r.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE)) continue;
      const section = r.target instanceof Element ? r.target.closest('.slide') : null;
      const slide = section === null ? undefined : slideAt.get(section);
      if (slide === undefined) continue;
      fitted.delete(slide);
      if (around.has(slide)) nearChanged = true;
    }
    if (nearChanged) refitSoon();
  }).observe(stage, { childList: true, subtree: true });
  if (!fontsIn)
    // Measured before the fonts were in (the wait ran out): fit again once they are.
    void document.fonts.ready.then(() => {
      fitted.clear();
      refitSoon();
    });

  // ---- sync with the other window ----
  const self = `${String(Date.now())}-${Math.random().toString(36).slice(2)}`;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName(lessonId)) : undefined;
  const widgetStates = new Map<string, unknown>();
  let applyingWidget = false;
  const post = (message: SyncMessage): void => {
    try {
      channel?.postMessage(message);
    } catch {
      /* a state that cannot be cloned stays local */
    }
  };

  // ---- rendering ----
  function renderNext(): void {
    const next = nextPosition(shape, position);
    const atEnd = samePosition(next, position);
    const slide = slides[next.slide];
    nextStage.replaceChildren();
    if (atEnd || slide === undefined) {
      nextLabel.textContent = 'End of the lesson';
      return;
    }
    nextLabel.textContent =
      next.slide === position.slide
        ? `Next click: reveal ${String(next.fragment)} of ${String(slide.fragments.length)} on this slide`
        : `Next slide: ${String(next.slide + 1)}. ${slide.title}`;
    const preview = previewOf(slide, next.fragment);
    nextStage.append(preview);
    followFragment(slideOf(preview), next.fragment);
  }

  function render(): void {
    slides.forEach((slide, i) => {
      const current = i === position.slide;
      slide.section.classList.toggle('slide-current', current);
      slide.section.inert = !current;
      if (current) slide.section.removeAttribute('aria-hidden');
      else slide.section.setAttribute('aria-hidden', 'true');
      // Slides behind are left fully revealed, slides ahead untouched: what the overview shows.
      showFragments(
        slide.section,
        i < position.slide ? slide.fragments.length : i > position.slide ? 0 : position.fragment,
      );
    });
    fitNear();
    for (const near of [position.slide, position.slide + 1]) {
      const section = slides[near]?.section;
      if (section !== undefined) widgets.loadFor(section);
    }
    const slide = slides[position.slide];
    if (slide !== undefined) followFragment(slide, position.fragment);
    const count = slide?.fragments.length ?? 0;
    counter.textContent =
      `${String(position.slide + 1)} / ${String(slides.length)}` +
      (count > 0 ? ` · revealed ${String(position.fragment)}/${String(count)}` : '');
    const url = new URL(location.href);
    url.hash = formatHash(position);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    if (speaker) {
      notesOut.innerHTML = slide?.notesHtml || '<p class="muted">No notes for this slide.</p>';
      fitNotes();
      renderNext();
    }
  }

  /** The whole note in view: the largest type (27 px down to 18 px) at which it fits its pane. */
  function fitNotes(): void {
    const pane = notesOut.parentElement;
    if (pane !== null) fitText(notesOut, { pane, max: 27, min: 18 });
  }
  if (speaker && notesOut.parentElement !== null) new ResizeObserver(fitNotes).observe(notesOut.parentElement);

  function go(target: DeckPosition, broadcast = true): void {
    const next = clampPosition(shape, target);
    const slideChanged = next.slide !== position.slide;
    if (samePosition(next, position) && location.hash === formatHash(next)) return;
    position = next;
    render();
    if (slideChanged)
      announce.textContent = `Slide ${slides[position.slide]?.section.getAttribute('aria-label') ?? ''}`;
    if (broadcast) post({ type: 'position', from: self, slide: position.slide, fragment: position.fragment });
  }

  function setBlackout(on: boolean, broadcast = true): void {
    blackout = on;
    blackoutEl.hidden = !on;
    root.dataset['blackedOut'] = String(on);
    if (broadcast) post({ type: 'blackout', from: self, on });
  }

  // ---- overlays ----
  function openOverview(): void {
    void widgets.loadAll();
    fitEvery();
    overviewGrid.replaceChildren(
      ...slides.map((slide, i) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'overview-item';
        button.dataset['goto'] = String(i);
        if (i === position.slide) button.setAttribute('aria-current', 'true');
        const thumb = document.createElement('div');
        thumb.className = 'overview-thumb';
        const mini = document.createElement('div');
        mini.className = 'deck-stage';
        mini.append(previewOf(slide, slide.fragments.length));
        thumb.append(mini);
        const label = document.createElement('span');
        label.className = 'overview-label';
        label.textContent = `${String(i + 1)}. ${slide.title}`;
        button.append(thumb, label);
        item.append(button);
        return item;
      }),
    );
    overview.hidden = false;
    root.dataset['overlay'] = 'overview';
    overviewGrid.querySelector<HTMLButtonElement>('[aria-current]')?.focus();
  }

  function closeOverlays(): void {
    overview.hidden = true;
    help.hidden = true;
    delete root.dataset['overlay'];
    viewport.focus({ preventScroll: true });
  }

  function toggleHelp(): void {
    if (!help.hidden) return closeOverlays();
    closeOverlays();
    help.hidden = false;
    root.dataset['overlay'] = 'help';
    // Focus goes to the Close button, but the overlay opens at its top (the keys come first).
    help.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    help.scrollTop = 0;
  }

  /** Arrow keys in the overview grid: left/right by one, up/down by a row (as laid out). */
  function moveInOverview(key: string): boolean {
    const buttons = [...overviewGrid.querySelectorAll<HTMLButtonElement>('.overview-item')];
    const at = buttons.findIndex((b) => b === document.activeElement);
    if (at < 0) return false;
    const columns = Math.max(1, buttons.filter((b) => b.offsetTop === (buttons[0]?.offsetTop ?? 0)).length);
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns }[key];
    if (step === undefined) return false;
    const target = buttons[Math.min(buttons.length - 1, Math.max(0, at + step))];
    target?.focus();
    return true;
  }

  function openSpeakerView(): void {
    const url = `${location.pathname}?speaker${formatHash(position)}`;
    window.open(url, `present-speaker-${lessonId}`, 'popup,width=1280,height=800');
  }

  async function toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      /* refused (e.g. not from a user gesture): nothing to do */
    }
  }

  function toggleTheme(): void {
    const dark = document.documentElement.dataset['theme'] !== 'dark';
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
    try {
      localStorage.setItem(THEME_KEY, dark ? 'dark' : 'light');
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  }

  function run(command: DeckCommand): void {
    if (blackout && command.kind !== 'fullscreen') {
      // Any key brings the class back, without moving on behind the teacher's back.
      setBlackout(false);
      return;
    }
    switch (command.kind) {
      case 'next':
        return go(nextPosition(shape, position));
      case 'previous':
        return go(previousPosition(shape, position));
      case 'first':
        return go(firstPosition);
      case 'last':
        return go(lastPosition(shape));
      case 'jump':
        return go(jumpPosition(shape, command.slide));
      case 'overview':
        return overview.hidden ? openOverview() : closeOverlays();
      case 'escape':
        return root.dataset['overlay'] === undefined ? openOverview() : closeOverlays();
      case 'fullscreen':
        return void toggleFullscreen();
      case 'blackout':
        return setBlackout(true);
      case 'help':
        return toggleHelp();
      case 'speaker':
        return speaker ? undefined : openSpeakerView();
      case 'theme':
        return toggleTheme();
    }
  }

  // ---- input ----
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || (isTyping(event.target) && event.key !== 'Escape')) return;
    const overlay = root.dataset['overlay'];
    if (overlay === 'overview') {
      if (moveInOverview(event.key)) return event.preventDefault();
      if (event.key === 'Escape' || event.key === 'o' || event.key === 'O') {
        event.preventDefault();
        return closeOverlays();
      }
      return; // Enter and Space activate the focused thumbnail natively
    }
    if (overlay === 'help') {
      if (['Escape', '?', 'h'].includes(event.key)) {
        event.preventDefault();
        closeOverlays();
      }
      return;
    }
    // Enter or Space on a focused button or link is the button's, not a slide change.
    const target = event.target;
    if (
      (event.key === 'Enter' || event.key === ' ') &&
      typed === '' &&
      target instanceof HTMLElement &&
      target.matches('button, a[href], summary')
    ) {
      return;
    }
    const result = keyCommand(event, typed);
    const handled = result.command !== undefined || result.typed !== typed;
    typed = result.typed;
    typedOut.textContent = typed === '' ? '' : `Go to slide ${typed}…`;
    if (result.command !== undefined) run(result.command);
    if (handled) event.preventDefault();
  });

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const gotoButton = target?.closest<HTMLElement>('[data-goto]');
    if (gotoButton) {
      closeOverlays();
      return go({ slide: Number(gotoButton.dataset['goto']), fragment: 0 });
    }
    const commandButton = target?.closest<HTMLElement>('[data-command]');
    const kind = commandButton?.dataset['command'];
    if (kind !== undefined) run({ kind } as DeckCommand);
    if (target === overview) closeOverlays();
  });

  let touchStart: { x: number; y: number } | undefined;
  viewport.addEventListener(
    'touchstart',
    (event) => {
      const touch = event.touches[0];
      touchStart =
        event.touches.length === 1 && touch && !isTyping(event.target)
          ? { x: touch.clientX, y: touch.clientY }
          : undefined;
    },
    { passive: true },
  );
  viewport.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    if (touchStart === undefined || touch === undefined) return;
    const dx = touch.clientX - touchStart.x;
    const dy = touch.clientY - touchStart.y;
    touchStart = undefined;
    if (Math.abs(dx) < swipeDistance || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
    run({ kind: dx < 0 ? 'next' : 'previous' });
  });

  window.addEventListener('hashchange', () => {
    const parsed = parseHash(location.hash);
    if (parsed !== undefined) go(parsed);
  });

  // Print: every slide, every step, every answer (CSS shows the slides; details need opening).
  window.addEventListener('beforeprint', () => {
    void widgets.loadAll();
    fitEvery();
    for (const slide of slides) showFragments(slide.section, slide.fragments.length);
  });
  window.addEventListener('afterprint', render);

  // ---- widgets: relay state changes to the other window, apply theirs ----
  document.addEventListener('widget-state', (event) => {
    if (applyingWidget || !(event instanceof CustomEvent)) return;
    const detail: unknown = event.detail;
    if (typeof detail !== 'object' || detail === null) return;
    const { id, state } = detail as { id?: unknown; state?: unknown };
    if (typeof id !== 'string' || id === '') return;
    widgetStates.set(id, state);
    post({ type: 'widget', from: self, id, state });
  });

  function applyWidget(id: string, state: unknown): void {
    widgetStates.set(id, state);
    const target = document.getElementById(id);
    if (target === null) return;
    const pending = target.closest(':not(:defined)');
    if (pending !== null) {
      // A widget on a slide not shown here yet: its state waits for its code.
      widgets.loadFor(pending.parentElement ?? root);
      void customElements.whenDefined(pending.localName).then(() => {
        if (widgetStates.get(id) === state) applyWidget(id, state);
      });
      return;
    }
    applyingWidget = true;
    try {
      target.dispatchEvent(new CustomEvent('widget-state-apply', { detail: { id, state } }));
    } finally {
      applyingWidget = false;
    }
  }

  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = readSyncMessage(event.data);
    if (message === undefined || message.from === self) return;
    switch (message.type) {
      case 'hello':
        post({ type: 'position', from: self, slide: position.slide, fragment: position.fragment });
        post({ type: 'blackout', from: self, on: blackout });
        for (const [id, state] of widgetStates) post({ type: 'widget', from: self, id, state });
        return;
      case 'position':
        return go({ slide: message.slide, fragment: message.fragment }, false);
      case 'blackout':
        return setBlackout(message.on, false);
      case 'widget':
        return applyWidget(message.id, message.state);
    }
  });

  // ---- the speaker's stopwatch and clock ----
  if (speaker) {
    const elapsedOut = required<HTMLElement>(root, '[data-elapsed]');
    const clockOut = required<HTMLElement>(root, '[data-clock]');
    const toggle = required<HTMLButtonElement>(root, '[data-timer="toggle"]');
    const reset = required<HTMLButtonElement>(root, '[data-timer="reset"]');
    let watch: Stopwatch = startWatch(stoppedWatch, Date.now());
    const tick = (): void => {
      const now = Date.now();
      elapsedOut.textContent = formatElapsed(elapsed(watch, now));
      clockOut.textContent = new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      toggle.textContent = watch.startedAt === undefined ? 'Start' : 'Pause';
    };
    toggle.addEventListener('click', () => {
      const now = Date.now();
      watch = watch.startedAt === undefined ? startWatch(watch, now) : pauseWatch(watch, now);
      tick();
    });
    reset.addEventListener('click', () => {
      watch = watch.startedAt === undefined ? stoppedWatch : startWatch(stoppedWatch, Date.now());
      tick();
    });
    tick();
    setInterval(tick, 1000);
  }

  render();
  root.dataset['ready'] = 'true';
  whenIdle(() => widgets.loadUntagged());
  // Read by scripts/bench-deck.ts: the slide engine's own work, from the cut to the first slide shown.
  performance.measure('deck:open', 'deck:cut-start');
  if (measuring) {
    // The build asks for the cut (scripts/cut-decks.ts): every slide fitted, as print would.
    fitEvery();
    const measured: DeckPlan = {
      version: planVersion,
      sections: built.cuts,
      fits: slides.map((s) => fitted.get(s) ?? 1),
    };
    root.dataset['plan'] = JSON.stringify(measured);
  }
  post({ type: 'hello', from: self });
  viewport.focus({ preventScroll: true });
}
