// The organiser's selection desk (docs/sortition.md, "In the hub"): the volunteers and quotas, the computation with
// its progress and a way to cancel it, the chances as a histogram, the public commitment, the draw from the
// announced numbers, the panel added to the roster with links, and replacements. It talks to the desk's HTTP routes;
// the public facts come back through the live view like everyone else's.
import { html } from '../lib/html.js';
import { t, errorText, locale } from '../i18n/i18n.js';
import { announce } from '../lib/announce.js';
import { percent, histogram, times } from './chances.js';

const ALGORITHMS = ['leximin', 'maximin', 'goldilocks', 'legacy'];
const POLL_MS = 1000;

/** What the desk remembers between draws, in ctx.ui. */
function kept(ctx) {
  ctx.ui.sortition ??= { status: null, error: null, problems: null, errorAt: null, links: null, replaced: null,
    asked: false, timer: null, lastState: null };
  return ctx.ui.sortition;
}

async function call(ctx, method, path, body) {
  const response = await fetch(`/api/assemblies/${ctx.assemblyId}/sortition${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = {};
  try { json = await response.json(); } catch (e) { json = { code: 'internal-error' }; }
  return { ok: response.ok, json };
}

async function refresh(ctx) {
  const k = kept(ctx);
  const { ok, json } = await call(ctx, 'GET', '');
  if (ok) k.status = json;
  else {
    k.error = json;
    k.errorAt = null;
  }
  clearTimeout(k.timer);
  const state = k.status?.run?.state;
  if (state === 'running' || state === 'queued') k.timer = setTimeout(() => refresh(ctx), POLL_MS);
  // The run's state is said when it changes, not at every second of its clock.
  if (k.lastState && state && state !== k.lastState && state !== 'running') {
    announce(t('sortition.run.state.' + state, { s: Math.round(k.status.run.seconds || 0), why: '' }));
  }
  k.lastState = state;
  ctx.redraw();
}

/**
 * Once the screen is drawn again (at the next frame, or later in a tab in the background), focus goes where the
 * step's outcome is said: looked for every 50 ms, for a second at most.
 */
function focusLater(selector, tries = 20) {
  setTimeout(() => {
    const target = document.querySelector(selector);
    if (target) target.focus();
    else if (tries > 0) focusLater(selector, tries - 1);
  }, 50);
}

/**
 * Sends a step; its problems or error are shown in the step's own section and focused, the desk's new state is read
 * back. {@code where}: the step's section; {@code after}: what to do with the answer, returning what to say.
 */
async function step(ctx, method, path, body, where, after) {
  const k = kept(ctx);
  k.error = null;
  k.problems = null;
  const { ok, json } = await call(ctx, method, path, body);
  let said = null;
  if (!ok) {
    k.error = json;
    k.problems = json.problems || null;
    k.errorAt = where;
  } else if (after) {
    said = after(json);
  }
  await refresh(ctx);
  if (!ok) focusLater('[data-testid=sortition-error]');
  else if (said) announce(said);
}

async function readFile(input) {
  return input.files?.[0] ? input.files[0].text() : '';
}

async function sendInputs(ctx, form) {
  const body = {
    people: await readFile(form.people),
    quotas: await readFile(form.quotas),
  };
  const settings = await readFile(form.settings);
  form.panelSize.setCustomValidity('');
  if (!settings && !form.panelSize.value) {
    // Without a settings file the panel's size must be said here (in the page's language, not the browser's).
    form.panelSize.setCustomValidity(t('sortition.inputs.panelSizeRequired'));
    form.panelSize.reportValidity();
    return;
  }
  if (settings) body.settings = settings;
  else {
    body.idColumn = form.idColumn.value;
    body.panelSize = Number(form.panelSize.value);
    body.householdColumns = form.household.value.split(',').map((c) => c.trim()).filter(Boolean);
  }
  await step(ctx, 'POST', '/inputs', body, 'inputs', () => t('sortition.announce.inputs'));
}

/** Where a problem is (a file's line, a feature, a setting, a person) and what, in the reader's language. */
function problemText(p) {
  const a = p.args || {};
  const where = a.line ? t('sortition.where.line', { file: a.file, line: a.line })
    : a.setting ? t('sortition.where.setting', { setting: a.setting })
      : a.person ? t('sortition.where.person', { id: a.person })
        : a.feature ? t('sortition.where.feature', { feature: a.feature })
          : a.file || '';
  const key = 'sortition.problem.' + p.code;
  const what = t(key, a);
  return `${where ? where + ' — ' : ''}${what === key ? p.message : what}`;
}

/** The last step's error, in the section of that step ({@code where}; the desk's top for a reading of the desk). */
function errorBlock(k, where) {
  if (!k.error || k.errorAt !== where) return '';
  return html`<div role="alert" class="desk-error" data-testid="sortition-error" tabindex="-1">
    <p class="field-error">${errorText(k.error)}</p>
    ${k.problems ? html`<ul data-testid="sortition-problems">${k.problems.map((p) => html`<li>${problemText(p)}</li>`)}</ul>` : ''}
  </div>`;
}

function inputsSection(ctx, s) {
  const inputs = s?.inputs;
  const locked = s?.committed;
  return html`<section aria-labelledby="sortition-inputs-title">
    <h3 id="sortition-inputs-title">${t('sortition.inputs.title')}</h3>
    ${errorBlock(kept(ctx), 'inputs')}
    ${locked ? '' : html`<form data-testid="sortition-inputs" @submit=${(e) => { e.preventDefault(); sendInputs(ctx, e.target); }}>
      <label for="sortition-people">${t('sortition.inputs.people')}</label>
      <input id="sortition-people" name="people" type="file" accept=".csv,text/csv" required>
      <label for="sortition-quotas">${t('sortition.inputs.quotas')}</label>
      <input id="sortition-quotas" name="quotas" type="file" accept=".csv,text/csv" required>
      <label for="sortition-settings">${t('sortition.inputs.settings')}</label>
      <input id="sortition-settings" name="settings" type="file" accept=".toml">
      <label for="sortition-id-column">${t('sortition.inputs.idColumn')}</label>
      <input id="sortition-id-column" name="idColumn" value="id" autocomplete="off">
      <label for="sortition-panel-size">${t('sortition.inputs.panelSize')}</label>
      <input id="sortition-panel-size" name="panelSize" type="number" min="1" max="2000" inputmode="numeric"
        @input=${(e) => e.target.setCustomValidity('')}>
      <label for="sortition-household">${t('sortition.inputs.household')}</label>
      <input id="sortition-household" name="household" autocomplete="off">
      <button type="submit">${t('sortition.inputs.send')}</button>
    </form>`}
    ${inputs ? html`<p data-testid="sortition-taken">${t('sortition.inputs.taken', { pool: inputs.poolSize, k: inputs.panelSize })}
        ${inputs.household ? t('sortition.inputs.household.on') : ''}</p>
      <table class="quotas">
        <thead><tr><th scope="col">${t('sortition.col.feature')}</th><th scope="col">${t('sortition.col.value')}</th>
          <th scope="col">${t('sortition.col.quota')}</th><th scope="col">${t('sortition.col.inPool')}</th></tr></thead>
        <tbody>${inputs.features.flatMap((f) => f.values.map((v) => html`<tr>
          <th scope="row">${f.feature}</th><td>${v.value}</td><td>${v.min} – ${v.max}</td><td>${v.inPool}</td></tr>`))}</tbody>
      </table>` : ''}
  </section>`;
}

function runSection(ctx, s) {
  if (!s?.inputs) return '';
  const run = s.run || { state: 'idle' };
  const busy = run.state === 'running' || run.state === 'queued';
  const p = run.progress;
  return html`<section aria-labelledby="sortition-run-title">
    <h3 id="sortition-run-title">${t('sortition.run.title')}</h3>
    ${errorBlock(kept(ctx), 'run')}
    ${s.committed ? '' : html`<form class="controls-row" @submit=${(e) => {
        e.preventDefault();
        // Focus on the state, not on the Cancel button that takes Start's place (a second Enter would cancel).
        step(ctx, 'POST', '/run', { algorithm: e.target.algorithm.value }, 'run', () => {
          focusLater('[data-testid=sortition-run-state]');
          return null;
        });
      }}>
      <label for="sortition-algorithm">${t('sortition.run.algorithm')}</label>
      <select id="sortition-algorithm" name="algorithm" ?disabled=${busy}>
        ${ALGORITHMS.map((a) => html`<option value=${a} ?selected=${a === (run.algorithm || s.inputs.algorithm)}>${t('sortition.algorithm.' + a)}</option>`)}
      </select>
      ${busy ? html`<button type="button" class="secondary" data-testid="sortition-cancel"
          @click=${() => step(ctx, 'POST', '/cancel', undefined, 'run')}>${t('sortition.run.cancel')}</button>`
        : html`<button type="submit" data-testid="sortition-start">${t('sortition.run.start')}</button>`}
    </form>`}
    <p data-testid="sortition-run-state" tabindex="-1">${t('sortition.run.state.' + run.state, {
      s: Math.round(run.seconds || 0), why: run.failureCode ? t('sortition.run.tooLong') : (run.failure || '') })}</p>
    ${busy && p ? html`<p class="muted">${t('sortition.run.progress', { phase: p.phase, panels: p.panels, fixed: p.fixedPeople, pool: p.poolSize })}
      ${p.lowest !== undefined ? ' · ' + t('sortition.run.progressLowest', { p: percent(p.lowest) }) : ''}</p>
      <progress max=${p.poolSize || 1} .value=${p.fixedPeople || 0} aria-label=${t('sortition.run.title')}></progress>` : ''}
    ${s.infeasible ? infeasible(s.infeasible) : ''}
    ${s.outcome ? outcome(s.outcome, own(ctx)) : ''}
  </section>`;
}

function infeasible(why) {
  return html`<div data-testid="sortition-infeasible">
    ${why.reasons.length ? html`<p>${t('sortition.infeasible.reasons')}</p><ul>${why.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
    ${why.relaxations.length ? html`<p>${t('sortition.infeasible.relax')} ${why.withinFlex ? '' : t('sortition.infeasible.relaxOutside')}</p>
      <ul>${why.relaxations.map((r) => html`<li>${r.feature} = ${r.value} : ${r.from[0]}–${r.from[1]} → ${r.to[0]}–${r.to[1]}</li>`)}</ul>` : ''}
  </div>`;
}

/** Where the organiser's own files (with contacts, never published) are downloaded. */
function own(ctx) {
  return `/api/assemblies/${ctx.assemblyId}/sortition/own/`;
}

/** What a run stopped at its time limit returned, said as its algorithm knows it. */
function cutShort(c) {
  return c.algorithm === 'goldilocks'
    ? t('sortition.outcome.goldilocksCutShort', { minutes: c.minutes, ratio: times(c.ratio), bound: times(c.bound) })
    : t('sortition.outcome.cutShort', { minutes: c.minutes, fixed: c.fixedPeople, pool: c.poolSize });
}

function outcome(o, base) {
  return html`<div data-testid="sortition-outcome">
    <h4>${t('sortition.outcome.title')}</h4>
    <p>${t('sortition.outcome.summary', { lowest: percent(o.lowest), highest: percent(o.highest), equal: percent(o.equal) })}</p>
    ${o.cutShort ? html`<p class="notice" data-testid="sortition-cut-short">${cutShort(o.cutShort)}</p>` : ''}
    ${histogram(o.histogram, 'sortition-histogram')}
    <p><a href=${base + 'chances.csv'} download>${t('sortition.download.chances')}</a></p>
    <table class="quotas">
      <thead><tr><th scope="col">${t('sortition.col.feature')}</th><th scope="col">${t('sortition.col.value')}</th>
        <th scope="col">${t('sortition.col.quota')}</th><th scope="col">${t('sortition.col.expected')}</th>
        <th scope="col">${t('sortition.col.range')}</th></tr></thead>
      <tbody>${o.quotaFill.map((f) => html`<tr><th scope="row">${f.feature}</th><td>${f.value}</td>
        <td>${f.min} – ${f.max}</td><td>${f.expected}</td><td>${f.fewest} – ${f.most}</td></tr>`)}</tbody>
    </table>
  </div>`;
}

function commitSection(ctx, s) {
  if (!s?.outcome && !s?.committed) return '';
  const pub = ctx.view?.sortition;
  return html`<section aria-labelledby="sortition-commit-title">
    <h3 id="sortition-commit-title">${t('sortition.commit.title')}</h3>
    ${errorBlock(kept(ctx), 'commit')}
    ${s.committed ? (pub ? html`<p data-testid="sortition-committed">${t('sortition.public.committed', { at: new Date(pub.committedAt).toLocaleString(locale()) })}
        <code class="hash">${pub.commitment}</code></p>` : '')
      : html`<p class="muted" id="sortition-commit-help">${t('sortition.commit.help')}</p>
      <form data-testid="sortition-commit" @submit=${(e) => {
          e.preventDefault();
          step(ctx, 'POST', '/commit', {
            seedPlan: e.target.plan.value,
            seedSources: e.target.sources.value.split('\n').map((l) => l.trim()).filter(Boolean),
          }, 'commit', () => t('sortition.announce.committed'));
        }}>
        <label for="sortition-plan">${t('sortition.commit.plan')}</label>
        <textarea id="sortition-plan" name="plan" rows="2" maxlength="2000" required aria-describedby="sortition-commit-help"></textarea>
        <label for="sortition-sources">${t('sortition.commit.sources')}</label>
        <p class="muted" id="sortition-sources-help">${t('sortition.commit.sourcesHelp')}</p>
        <textarea id="sortition-sources" name="sources" rows="3" required aria-describedby="sortition-sources-help"></textarea>
        <label class="check"><input type="checkbox" name="sure" required> ${t('sortition.commit.sure')}</label>
        <button type="submit">${t('sortition.commit.button')}</button>
      </form>`}
  </section>`;
}

function drawSection(ctx, s) {
  if (!s?.committed) return '';
  return html`<section aria-labelledby="sortition-draw-title">
    <h3 id="sortition-draw-title">${t('sortition.draw.title')}</h3>
    ${errorBlock(kept(ctx), 'draw')}
    ${s.drawn ? '' : html`<p class="muted" id="sortition-draw-help">${t('sortition.draw.help')}</p>
      <form data-testid="sortition-draw" @submit=${(e) => {
          e.preventDefault();
          const said = [...e.target.querySelectorAll('input[name=number]')].map((input) => input.value);
          step(ctx, 'POST', '/draw', { seedNumbers: said }, 'draw', () => {
            focusLater('#sortition-panel-title');
            return t('sortition.announce.drawn');
          });
        }}>
        ${(ctx.view?.sortition?.seedSources || []).map((source, i) => html`
          <label for=${'sortition-number-' + i}>${source}</label>
          <input id=${'sortition-number-' + i} name="number" inputmode="numeric" autocomplete="off" required
            pattern="[0-9]+([ ,;]+[0-9]+)*" aria-describedby="sortition-draw-help"
            @invalid=${(e) => e.target.setCustomValidity(e.target.validity.patternMismatch ? t('sortition.draw.digitsOnly') : '')}
            @input=${(e) => e.target.setCustomValidity('')}>`)}
        <label class="check"><input type="checkbox" name="sure" required> ${t('sortition.draw.sure')}</label>
        <button type="submit">${t('sortition.draw.button')}</button>
      </form>`}
    ${s.panel ? panel(ctx, s.panel) : ''}
  </section>`;
}

function person(p) {
  const features = Object.entries(p.features || {}).map(([f, v]) => `${f}: ${v}`).join(', ');
  return html`${p.name} <span class="muted">(${p.poolId}${p.email ? ' · ' + p.email : ''} · ${features})</span>`;
}

/** A replacement cannot be undone: asked once more, by name. */
function replace(ctx, m) {
  const k = kept(ctx);
  if (!window.confirm(t('sortition.panel.replaceConfirm', { name: m.name }))) return;
  step(ctx, 'POST', '/replace', { poolId: m.poolId }, 'panel', (json) => {
    k.replaced = { ...json, dropoutName: m.name };
    const invited = json.invited?.people || [];
    if (invited.length) {
      // The newcomer's link joins those shown before, rather than taking their place.
      const before = k.links?.people || [];
      k.links = { imported: before.length + invited.length, people: [...before, ...invited] };
    }
    focusLater('[data-testid=sortition-replaced]');
    return null;
  });
}

function panel(ctx, p) {
  const k = kept(ctx);
  return html`<h4 id="sortition-panel-title" tabindex="-1">${t('sortition.panel.title')}</h4>
    ${errorBlock(k, 'panel')}
    <ul class="panel-members" data-testid="sortition-panel">${p.members.map((m) => html`<li>${person(m)}
      — <span class="muted">${m.rosterId ? t('sortition.panel.onRoster', { id: m.rosterId }) : t('sortition.panel.notOnRoster')}</span>
      <button type="button" class="secondary" data-testid="sortition-replace" data-pool-id=${m.poolId}
        @click=${() => replace(ctx, m)}>
        ${t('sortition.panel.replace', { name: m.name })}</button></li>`)}</ul>
    ${k.replaced ? html`<p data-testid="sortition-replaced" tabindex="-1">${t('sortition.replaced', {
      // Said by name, as the desk lists people (their pool ids are in brackets there); the newcomer is on the panel now.
      rank: k.replaced.rank,
      dropout: k.replaced.dropoutName ?? k.replaced.dropout,
      replacement: p.members.find((m) => m.poolId === k.replaced.replacement)?.name ?? k.replaced.replacement })}
      ${k.replaced.changes.length ? t('sortition.replaced.changes', { changes: k.replaced.changes.join(' ; ') }) : t('sortition.replaced.same')}</p>
      ${k.replaced.inviteError ? html`<p class="field-error" role="alert">${t('sortition.replaced.notInvited')} ${errorText(k.replaced.inviteError)}</p>` : ''}` : ''}
    <p><a href=${own(ctx) + 'selected.csv'} download>${t('sortition.download.selected')}</a> ·
      <a href=${own(ctx) + 'alternates.csv'} download>${t('sortition.download.alternates')}</a></p>
    <details><summary>${t('sortition.panel.alternates', { n: p.alternatesLeft })}</summary>
      <ol>${p.alternates.map((a) => html`<li>${person(a)}</li>`)}</ol></details>`;
}

/** Step 5, its own section: the panel joins the roster, with the links to hand over. */
function seatSection(ctx, s) {
  const p = s?.panel;
  if (!p) return '';
  const k = kept(ctx);
  const everyoneSeated = p.members.every((m) => m.rosterId);
  return html`<section aria-labelledby="sortition-seat-title">
    <h3 id="sortition-seat-title">${t('sortition.seat.title')}</h3>
    ${errorBlock(k, 'seat')}
    ${everyoneSeated ? html`<p class="muted">${t('sortition.seat.allSeated')}</p>`
      : html`<button type="button" data-testid="sortition-seat" @click=${() => step(ctx, 'POST', '/seat', undefined, 'seat', (json) => {
          if (json.imported || !k.links) k.links = json;
          return t('sortition.seat.done', { n: json.imported ?? json.people.length });
        })}>${t('sortition.seat.button')}</button>`}
    ${k.links ? links(k.links) : ''}
  </section>`;
}

function links(result) {
  return html`<div data-testid="sortition-links"><p>${t('sortition.seat.done', { n: result.imported ?? result.people.length })}</p>
    <ul class="links">${result.people.map((p) => html`<li>${p.name}: ${p.link
      ? html`<input class="link" readonly .value=${p.link} aria-label=${p.name}>`
      : p.linkLost ? t('sortition.seat.linkLost') : ''}</li>`)}</ul></div>`;
}

/** The desk, for organisers: read once when first shown, then while a computation runs. */
export function deskPanel(ctx) {
  const k = kept(ctx);
  if (!k.asked) {
    k.asked = true;
    refresh(ctx);
  }
  const s = k.status;
  return html`<section class="console sortition-desk" aria-labelledby="sortition-desk-title" data-testid="sortition-desk">
    <h2 id="sortition-desk-title">${t('sortition.desk.title')}</h2>
    <p class="muted">${t('sortition.desk.intro')}</p>
    ${s?.damage ? html`<p class="field-error" role="alert" data-testid="sortition-damage">${t('sortition.damage')} ${s.damage}</p>` : ''}
    ${errorBlock(k, null)}
    ${inputsSection(ctx, s)}
    ${runSection(ctx, s)}
    ${commitSection(ctx, s)}
    ${drawSection(ctx, s)}
    ${seatSection(ctx, s)}
  </section>`;
}
