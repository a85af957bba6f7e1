// Draft recommendations: each with the same analysis, its versions and what the last amendment changed; written by
// a group's facilitators (or the lead) and amended the same way; printable as a booklet. What is being written is
// kept on the device (lib/kept-drafts.js) until the hub acknowledges it: a reload or a lost connection loses nothing.
import { html, repeat } from '../lib/html.js';
import { t, language } from '../i18n/i18n.js';
import { keptDrafts, keepTyping } from '../lib/kept-drafts.js';

const FIELDS = ['benefits', 'drawbacks', 'costs', 'implementers', 'tradeoffs', 'evidence'];

/** The analysis fields, each with what was kept of it (kept.restore), else the value given. */
function analysisFields(form, values, restore) {
  return FIELDS.map((f) => html`<label for="${form}-${f}">${t('draft.' + f)}</label>
    <textarea id="${form}-${f}" name=${f} rows="2" maxlength="4000" .value=${restore(f) ?? values?.[f] ?? ''}></textarea>`);
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

/**
 * An amendment being written: kept under draft/<id>/ with the version it was begun on (base), so a reload reopens
 * it; if the draft moved on meanwhile, the writer is told and chooses to carry the text over to the new version.
 */
function amendForm(id, d, kept, ui, send, redraw) {
  const start = `draft/${id}/`;
  const restore = (field) => kept.restore(start + field);
  const base = Number(restore('base') ?? d.version);
  const close = () => { kept.forgetAll(start); ui.editing = null; redraw(); };
  const onInput = (e) => {
    if (restore('base') === null) kept.keep(start + 'base', String(d.version));
    keepTyping(kept, start)(e);
  };
  const onSubmit = (e) => {
    e.preventDefault();
    send('amend-draft', { draftId: id, baseVersion: base, note: e.target.note.value, ...formArgs(e.target) })
      .then((ack) => { if (ack) close(); });
  };
  return html`<form data-testid="amend-${id}" @input=${onInput} @submit=${onSubmit}>
    ${base !== d.version ? html`<p class="warning" role="alert">${t('draft.changedMeanwhile', { n: d.version, base })}</p>
      <button type="button" class="secondary" @click=${() => { kept.keep(start + 'base', String(d.version)); redraw(); }}>${t('draft.rebase', { n: d.version })}</button>` : ''}
    <label for="am-title-${id}">${t('draft.titleLabel')}</label><input id="am-title-${id}" name="title" class="link" maxlength="200" required .value=${restore('title') ?? d.title}>
    <label for="am-text-${id}">${t('draft.text')}</label><textarea id="am-text-${id}" name="text" rows="4" maxlength="8000" required .value=${restore('text') ?? d.text}></textarea>
    ${analysisFields(`am-${id}`, d.analysis, restore)}
    <label for="am-note-${id}">${t('draft.note')}</label><input id="am-note-${id}" name="note" class="link" maxlength="500" .value=${restore('note') ?? ''}>
    ${kept.has(start) ? html`<p class="muted kept">${t('kept.note')}</p>` : ''}
    <div class="controls-row"><button type="submit">${t('draft.saveAmendment')}</button>
      <button type="button" class="secondary" @click=${close}>${t('draft.cancel')}</button></div>
  </form>`;
}

function draftCard(id, d, writer, kept, send, ui, redraw) {
  const editing = writer && !d.underVote && (ui.editing === id || kept.has(`draft/${id}/`));
  return html`<article class="draft" data-testid="draft-${id}">
    <h3>${d.title}</h3>
    <p class="muted">${d.fromGroup ? t('draft.fromGroup', { n: d.fromGroup }) : t('draft.fromPlenary')} · ${t('draft.version', { n: d.version })}
      ${d.underVote ? html` · <strong>${t('draft.underVote')}</strong>` : ''}</p>
    <p class="announcement-text">${d.text}</p>
    <dl class="analysis">${FIELDS.filter((f) => d.analysis?.[f]).map((f) => html`<dt>${t('draft.' + f)}</dt><dd>${d.analysis[f]}</dd>`)}</dl>
    ${d.diff ? html`<details><summary>${t('draft.changes', { n: d.version })}</summary>${diffView(d.diff)}
      <ol class="versions">${d.versions.map((v) => html`<li>${t('draft.version', { n: v.version })} — ${v.fromGroup ? t('draft.fromGroup', { n: v.fromGroup }) : t('draft.fromPlenary')}${v.note ? ': ' + v.note : ''}</li>`)}</ol></details>` : ''}
    ${writer && !d.underVote && !editing ? html`<button type="button" class="secondary" @click=${() => { ui.editing = id; redraw(); }}>${t('draft.amend')}</button>` : ''}
    ${editing ? amendForm(id, d, kept, ui, send, redraw) : ''}
  </article>`;
}

/** A new draft being written, kept under draft/new/ until the hub has it. */
function newDraftForm(kept, ui, send, redraw) {
  const start = 'draft/new/';
  const restore = (field) => kept.restore(start + field);
  const onSubmit = (e) => {
    e.preventDefault();
    const form = e.target;
    send('propose-draft', formArgs(form)).then((ack) => {
      if (!ack) return;
      kept.forgetAll(start);
      form.reset();
      redraw();
    });
  };
  return html`<details class="desk" ?open=${kept.has(start) || Boolean(ui.writingDraft)}
      @toggle=${(e) => { ui.writingDraft = e.target.open; }}><summary>${t('draft.new')}</summary>
    <form data-testid="new-draft" @input=${keepTyping(kept, start)} @submit=${onSubmit}>
      <label for="dr-title">${t('draft.titleLabel')}</label><input id="dr-title" name="title" class="link" maxlength="200" required .value=${restore('title') ?? ''}>
      <label for="dr-text">${t('draft.text')}</label><textarea id="dr-text" name="text" rows="4" maxlength="8000" required .value=${restore('text') ?? ''}></textarea>
      ${analysisFields('dr', {}, restore)}
      ${kept.has(start) ? html`<p class="muted kept" data-testid="kept-note">${t('kept.note')}</p>` : ''}
      <button type="submit">${t('draft.propose')}</button></form></details>`;
}

/** The lead, organisers and a facilitator in their group propose and amend drafts. */
export function draftsPanel(ctx) {
  const { assemblyId: assembly, view, send, ui, redraw } = ctx;
  const drafts = view.drafts;
  const writer = ctx.steers || ctx.facilitating;
  const kept = keptDrafts(ctx.me);
  const all = Object.entries(drafts || {});
  if (all.length === 0 && !writer) return '';
  return html`<section aria-labelledby="drafts-title" data-testid="drafts">
    <h2 id="drafts-title">${t('draft.title')}</h2>
    ${all.length && ctx.me?.personId ? html`<p class="controls-row"><a href="/api/assemblies/${assembly}/booklet.pdf?lang=${language()}" target="_blank" rel="noopener">${t('draft.bookletPdf')}</a>
      <button type="button" class="secondary" @click=${() => window.print()}>${t('draft.print')}</button></p>` : ''}
    ${repeat(all, ([id]) => id, ([id, d]) => draftCard(id, d, writer, kept, send, ui, redraw))}
    ${writer ? newDraftForm(kept, ui, send, redraw) : ''}
  </section>`;
}
