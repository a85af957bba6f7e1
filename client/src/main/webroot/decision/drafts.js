// Draft recommendations: each with the same analysis, its versions and what the last amendment changed; written by
// a group's facilitators (or the lead) and amended the same way; printable as a booklet.
import { html, repeat } from '../lib/html.js';
import { t, language } from '../i18n/i18n.js';

const FIELDS = ['benefits', 'drawbacks', 'costs', 'implementers', 'tradeoffs', 'evidence'];

function analysisFields(values = {}) {
  return FIELDS.map((f) => html`<label for="an-${f}">${t('draft.' + f)}</label>
    <textarea id="an-${f}" name=${f} rows="2" maxlength="4000">${values[f] ?? ''}</textarea>`);
}

function formArgs(f) {
  const analysis = {};
  FIELDS.forEach((x) => { analysis[x] = f[x].value; });
  return { title: f.title.value, text: f.text.value, analysis };
}

function diffView(diff) {
  return html`<p class="diff" data-testid="diff">${diff.map((run) => run.op === '+' ? html`<ins>${run.text}</ins>`
    : run.op === '-' ? html`<del>${run.text}</del>` : run.text)}</p>`;
}

function draftCard(id, d, writer, send, ui, redraw) {
  const editing = ui.editing === id;
  return html`<article class="draft" data-testid="draft-${id}">
    <h3>${d.title}</h3>
    <p class="muted">${d.fromGroup ? t('draft.fromGroup', { n: d.fromGroup }) : t('draft.fromPlenary')} · ${t('draft.version', { n: d.version })}
      ${d.underVote ? html` · <strong>${t('draft.underVote')}</strong>` : ''}</p>
    <p class="announcement-text">${d.text}</p>
    <dl class="analysis">${FIELDS.filter((f) => d.analysis?.[f]).map((f) => html`<dt>${t('draft.' + f)}</dt><dd>${d.analysis[f]}</dd>`)}</dl>
    ${d.diff ? html`<details><summary>${t('draft.changes', { n: d.version })}</summary>${diffView(d.diff)}
      <ol class="versions">${d.versions.map((v) => html`<li>${t('draft.version', { n: v.version })} — ${v.fromGroup ? t('draft.fromGroup', { n: v.fromGroup }) : t('draft.fromPlenary')}${v.note ? ': ' + v.note : ''}</li>`)}</ol></details>` : ''}
    ${writer && !d.underVote && !editing ? html`<button type="button" class="secondary" @click=${() => { ui.editing = id; redraw(); }}>${t('draft.amend')}</button>` : ''}
    ${editing ? html`<form @submit=${(e) => { e.preventDefault();
        send('amend-draft', { draftId: id, baseVersion: d.version, note: e.target.note.value, ...formArgs(e.target) }).then((ack) => { if (ack) { ui.editing = null; redraw(); } }); }}>
      <label for="am-title">${t('draft.titleLabel')}</label><input id="am-title" name="title" class="link" maxlength="200" required .value=${d.title}>
      <label for="am-text">${t('draft.text')}</label><textarea id="am-text" name="text" rows="4" maxlength="8000" required .value=${d.text}></textarea>
      ${analysisFields(d.analysis)}
      <label for="am-note">${t('draft.note')}</label><input id="am-note" name="note" class="link" maxlength="500">
      <div class="controls-row"><button type="submit">${t('draft.saveAmendment')}</button>
        <button type="button" class="secondary" @click=${() => { ui.editing = null; redraw(); }}>${t('draft.cancel')}</button></div>
    </form>` : ''}
  </article>`;
}

/** The lead, organisers and a facilitator in their group propose and amend drafts. */
export function draftsPanel(ctx) {
  const { assemblyId: assembly, view, send, ui, redraw } = ctx;
  const drafts = view.drafts;
  const writer = ctx.steers || ctx.facilitating;
  const all = Object.entries(drafts || {});
  if (all.length === 0 && !writer) return '';
  return html`<section aria-labelledby="drafts-title" data-testid="drafts">
    <h2 id="drafts-title">${t('draft.title')}</h2>
    ${all.length ? html`<p class="controls-row"><a href="/api/assemblies/${assembly}/booklet.pdf?lang=${language()}" target="_blank" rel="noopener">${t('draft.bookletPdf')}</a>
      <button type="button" class="secondary" @click=${() => window.print()}>${t('draft.print')}</button></p>` : ''}
    ${repeat(all, ([id]) => id, ([id, d]) => draftCard(id, d, writer, send, ui, redraw))}
    ${writer ? html`<details class="desk"><summary>${t('draft.new')}</summary><form data-testid="new-draft" @submit=${(e) => { e.preventDefault();
        send('propose-draft', formArgs(e.target)).then((ack) => ack && e.target.reset()); }}>
      <label for="dr-title">${t('draft.titleLabel')}</label><input id="dr-title" name="title" class="link" maxlength="200" required>
      <label for="dr-text">${t('draft.text')}</label><textarea id="dr-text" name="text" rows="4" maxlength="8000" required></textarea>
      ${analysisFields()}
      <button type="submit">${t('draft.propose')}</button></form></details>` : ''}
  </section>`;
}
