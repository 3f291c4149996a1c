import { formatNumber } from '../plots/format.ts';
import { legendHtml } from '../plots/legend.ts';
import { DG_DASH, DG_STROKE, G_STROKE, ZONE_FILL } from '../plots/palette.ts';
import type { ParseError } from '../../src/symbolic/index.ts';
import { writeLabState } from './lab-state.ts';
import type { SavedFunction } from './lab-state.ts';
import type { LabView, ParameterView } from './lab-view.ts';

/**
 * HTML for the lab's parts, shared by the server render (lab.astro, JS off) and the element (every
 * update), so both show the same thing. All text from the reader is escaped here.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The error under the input: message, a caret under the position, the hint. */
export function errorHtml(text: string, error: ParseError): string {
  const at = Math.max(0, Math.min(error.position, text.length));
  const shown = `${escapeHtml(text.slice(0, at))}<mark>${escapeHtml(text.slice(at, at + 1) || ' ')}</mark>${escapeHtml(text.slice(at + 1))}`;
  return (
    `<span class="lab-error-message">${escapeHtml(error.message)} (at character ${String(at + 1)})</span>` +
    `<code class="lab-error-text">${shown}</code>` +
    (error.hint === undefined ? '' : `<span class="lab-error-hint">Hint: ${escapeHtml(error.hint)}</span>`)
  );
}

/** One labelled slider per parameter. */
export function paramsHtml(parameters: readonly ParameterView[]): string {
  if (parameters.length === 0)
    return '<p class="muted">No parameters. Any single letter or Greek name (b, k, alpha, …) becomes a slider.</p>';
  return parameters
    .map((p) => {
      const id = `lab-param-${p.name}`;
      return (
        `<div class="lab-param"><label for="${id}">${escapeHtml(p.name)}</label>` +
        `<input type="range" id="${id}" data-param="${escapeHtml(p.name)}" min="${String(p.min)}" max="${String(p.max)}" step="${String(p.step)}" value="${String(p.value)}">` +
        `<output for="${id}">${formatNumber(p.value, 3)}</output></div>`
      );
    })
    .join('');
}

/** The results: derivative, badges, form in g, plot (the SVG is passed in), steps, properties. */
export function resultsHtml(view: LabView & { ok: true }, plotSvg: string): string {
  const a = view.agreement;
  const agreement = a.agree
    ? `<span class="lab-badge lab-badge-ok" data-badge="agreement">✓ Symbolic g′ agrees with a numerical derivative at ${String(a.compared)} of ${String(a.compared)} sampled points</span>`
    : `<span class="lab-badge lab-badge-fail" data-badge="agreement">✗ Symbolic and numerical g′ disagree at ${String(a.disagreeing)} of ${String(a.compared)} points${a.worst === undefined ? '' : ` (z = ${formatNumber(a.worst.z)}: ${formatNumber(a.worst.symbolic, 6)} vs ${formatNumber(a.worst.numeric, 6)})`}</span>`;
  const checks =
    view.failedChecks === 0
      ? `<span class="lab-badge lab-badge-ok" data-badge="steps">✓ All ${String(view.steps.length - 1)} steps pass the step checker</span>`
      : `<span class="lab-badge lab-badge-fail" data-badge="steps">✗ ${String(view.failedChecks)} step${view.failedChecks === 1 ? '' : 's'} failed the step checker: a bug in the lab, please report it</span>`;
  const form =
    view.gForm === undefined
      ? '<p class="lab-gform muted">No simple form in terms of g found.</p>'
      : `<div class="lab-gform"><p>In terms of g = g(z)${view.gForm.mixed ? ' (a mixed form: it still needs z)' : ''}:</p><div class="lab-math">${view.gForm.html}</div></div>`;
  const legend = legendHtml([
    { label: 'g(z)', stroke: G_STROKE },
    { label: 'g′(z)', stroke: DG_STROKE, dash: DG_DASH },
    { label: `|g′| < ${formatNumber(view.properties.epsilon)}`, stroke: ZONE_FILL, fill: true },
  ]);
  const steps = view.steps
    .map((s) => {
      const check =
        s.check === undefined
          ? ''
          : s.check.ok
            ? '<span class="lab-check lab-check-ok" title="passes the step checker">✓ checked</span>'
            : `<span class="lab-check lab-check-fail">✗ check failed: ${escapeHtml(s.check.reason ?? '')}</span>`;
      return (
        `<li class="derivation-step" data-step="${String(s.number)}" data-rule="${s.rule}">` +
        `<div class="step-head"><span class="step-number">Step ${String(s.number)}</span>` +
        `<span class="step-rule" data-rule="${s.rule}"><span class="visually-hidden">Rule: </span>${escapeHtml(s.ruleLabel)}</span>${check}</div>` +
        `<div class="step-math">${s.mathHtml}</div>` +
        `<p class="step-note">${escapeHtml(s.note)}</p></li>`
      );
    })
    .join('');
  const properties = view.propertyLines
    .map((l) => `<div class="lab-property"><dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd></div>`)
    .join('');
  return (
    `<section class="lab-derivative" aria-labelledby="lab-derivative-title"><h2 id="lab-derivative-title">Derivative</h2>` +
    `<div class="lab-math">${view.derivativeHtml}</div><p class="lab-answer">In the answer syntax: <code>${escapeHtml(view.derivative)}</code></p>` +
    `<p class="lab-badges">${agreement} ${checks}</p>${form}</section>` +
    `<section class="lab-plot plot-widget" aria-labelledby="lab-plot-title"><h2 id="lab-plot-title">Plot</h2>` +
    `<figure><div class="lab-plot-svg" role="img" aria-label="${escapeHtml(view.plotDescription)}">${plotSvg.replace('<svg', '<svg aria-hidden="true"')}</div>` +
    `<figcaption><ul class="plot-legend">${legend}</ul></figcaption></figure></section>` +
    `<section class="lab-steps derivation" aria-labelledby="lab-steps-title"><h2 id="lab-steps-title">Steps</h2>` +
    `<ol class="derivation-steps">${steps}</ol></section>` +
    `<section class="lab-properties" aria-labelledby="lab-properties-title"><h2 id="lab-properties-title">Properties</h2><dl>${properties}</dl></section>`
  );
}

/** The saved list: a link per function (its URL state) and a remove button. */
export function savedHtml(saved: readonly SavedFunction[], base: string): string {
  if (saved.length === 0) return '<p class="muted">Nothing saved yet.</p>';
  return (
    '<ul class="lab-saved-list">' +
    saved
      .map(
        (s) =>
          `<li><a href="${escapeHtml(base + writeLabState(s))}">${escapeHtml(s.f)}</a> ` +
          `<button type="button" data-remove="${escapeHtml(s.f)}" aria-label="Remove ${escapeHtml(s.f)}">Remove</button></li>`,
      )
      .join('') +
    '</ul>'
  );
}
