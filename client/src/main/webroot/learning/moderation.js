// Questions to experts, for those who look after them (docs/learning.md, "Expert Q&A"): facilitators, the lead and
// organisers approve, edit (with a visible note), hide (with a reason the author sees) or merge new questions, see the
// queue by votes and whom it speaks for (the coverage hint); the lead and organisers open and close live Q&A.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { locale } from './format.js';
import { memory, focusSoon } from './staff-shared.js';
import { answerControls } from './answers.js';
import { coverageHint } from './coverage.js';

const time = (iso) => new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });

export function moderationPanel(ctx) {
  const qa = ctx.view.learning?.qa;
  if (!qa?.pending) return ''; // only staff views carry what waits for moderation
  const state = memory(ctx, 'moderation', () => ({ open: null, status: '' }));
  return html`<section aria-labelledby="learn-moderation-title" class="learn-staff" data-testid="learn-moderation">
    <h2 id="learn-moderation-title" tabindex="-1">${t('learn.staff.qa.title')}</h2>
    ${liveControls(ctx, qa)}
    <p role="status" class="learn-status" data-testid="learn-moderation-status">${state.status}</p>
    <h3 id="learn-pending-title" tabindex="-1">${t('learn.staff.qa.pending', { n: qa.pending.length })}</h3>
    ${qa.pending.length ? html`<ul class="learn-questions" data-testid="learn-pending">
      ${repeat(qa.pending, (q) => q.id, (q, i) => pendingQuestion(ctx, state, qa, q, i))}</ul>`
      : html`<p class="muted">${t('learn.staff.qa.pendingNone')}</p>`}
    <h3>${t('learn.staff.qa.queue')}</h3>
    ${queueList(ctx, state, qa, { moderate: true, answer: ctx.steers })}
    ${coverageHint(qa.coverage, qa.queue?.length ?? 0)}
    ${qa.hidden?.length ? html`<details class="learn-hidden"><summary>${t('learn.staff.qa.hidden', { n: qa.hidden.length })}</summary>
      <ul>${qa.hidden.map((q) => html`<li>${q.text} — <span class="muted">${t('learn.staff.qa.hiddenReason', { reason: q.reason })}</span></li>`)}</ul>
    </details>` : ''}
  </section>`;
}

/** The expert's own screen: the approved queue, by votes, with "answered live" and a written answer. */
export function expertQueuePanel(ctx) {
  const qa = ctx.view.learning?.qa;
  if (ctx.me?.role !== 'expert' || !qa?.queue) return '';
  const state = memory(ctx, 'moderation', () => ({ open: null, status: '' }));
  return html`<section aria-labelledby="learn-expert-title" class="learn-staff" data-testid="learn-expert-queue">
    <h2 id="learn-expert-title" tabindex="-1">${t('learn.staff.expert.title')}</h2>
    <p>${liveText(qa)}</p>
    <p role="status" class="learn-status">${state.status}</p>
    ${queueList(ctx, state, qa, { moderate: false, answer: true })}
  </section>`;
}

function liveControls(ctx, qa) {
  const words = html`<p data-testid="learn-qa-live">${liveText(qa)}</p>`;
  if (!ctx.steers) return words;
  if (qa.live) {
    return html`${words}<div class="controls-row"><button type="button" id="learn-qa-close"
      @click=${(e) => ctx.send('close-qa', {}, { near: e.currentTarget }).then((ack) => ack && focusSoon('learn-qa-title-input'))}>
      ${t('learn.staff.qa.close')}</button></div>`;
  }
  return html`${words}<form class="controls-row learn-inline" @submit=${(e) => {
    e.preventDefault();
    const form = e.target;
    const title = form.elements.title.value.trim();
    ctx.send('open-qa', title ? { title } : {}, { near: form }).then((ack) => ack && focusSoon('learn-qa-close'));
  }}>
    <label for="learn-qa-title-input">${t('learn.staff.qa.liveTitle')}</label>
    <input id="learn-qa-title-input" name="title" maxlength="200">
    <button type="submit">${t('learn.staff.qa.open')}</button>
  </form>`;
}

function liveText(qa) {
  if (!qa.live) return t('learn.staff.qa.notLive');
  return qa.liveTitle ? t('learn.staff.qa.live', { title: qa.liveTitle }) : t('learn.staff.qa.liveUntitled');
}

function groupText(group) {
  return group > 0 ? t('learn.staff.qa.group', { n: group }) : t('learn.staff.qa.plenary');
}

/**
 * After a question left the list (approved, hidden, merged), the focus goes to the same place in the list: the
 * next question's first button, else the list's heading.
 */
function afterLeaving(state, list, index, message) {
  state.open = null;
  state.status = message;
  const next = list[index + 1] ?? list[index - 1];
  focusSoon(...(next ? [`learn-first-${next.id}`] : []), 'learn-pending-title');
}

function pendingQuestion(ctx, state, qa, q, index) {
  const act = (name, args, message) => (e) => ctx.send(name, { questionId: q.id, ...args }, { near: e.currentTarget ?? e.target })
    .then((ack) => {
      if (!ack) return;
      afterLeaving(state, qa.pending, index, message);
      ctx.redraw();
    });
  const open = (action) => () => {
    state.open = { id: q.id, action };
    ctx.redraw();
    focusSoon(`learn-q-${action}-${q.id}`);
  };
  const opened = state.open?.id === q.id ? state.open.action : null;
  return html`<li class="learn-question" data-testid="learn-pending-question" data-question=${q.id}>
    <p class="learn-question-text">${q.text}</p>
    <p class="muted">${t('learn.staff.qa.askedBy', { name: q.askedBy ?? '', where: groupText(q.group), time: time(q.askedAt) })}</p>
    <div class="controls-row" role="group" aria-label=${t('learn.staff.qa.actionsFor', { text: q.text })}>
      <button type="button" id="learn-first-${q.id}" data-testid="learn-approve"
        @click=${act('approve-question', {}, t('learn.staff.qa.approved'))}>${t('learn.staff.qa.approve')}</button>
      <button type="button" class="secondary" aria-expanded=${opened === 'edit' ? 'true' : 'false'} @click=${open('edit')}>${t('learn.staff.qa.edit')}</button>
      <button type="button" class="secondary" aria-expanded=${opened === 'hide' ? 'true' : 'false'} @click=${open('hide')}>${t('learn.staff.qa.hide')}</button>
      <button type="button" class="secondary" aria-expanded=${opened === 'merge' ? 'true' : 'false'} @click=${open('merge')}>${t('learn.staff.qa.merge')}</button>
    </div>
    ${opened ? moderationForm(ctx, state, qa, q, opened, (e, name, args, message) => act(name, args, message)(e)) : ''}
  </li>`;
}

function moderationForm(ctx, state, qa, q, action, act) {
  const close = () => {
    state.open = null;
    ctx.redraw();
    focusSoon(`learn-first-${q.id}`);
  };
  const buttons = (label) => html`<div class="controls-row">
    <button type="submit">${label}</button>
    <button type="button" class="secondary" @click=${close}>${t('learn.staff.cancel')}</button></div>`;
  const submit = (build) => (e) => {
    e.preventDefault();
    build(e.target);
  };
  if (action === 'edit') {
    // An edit keeps the question where it is (pending): the focus stays with it.
    const edit = (form) => ctx.send('edit-question', { questionId: q.id, text: form.elements.text.value.trim(), note: form.elements.note.value.trim() },
      { near: form }).then((ack) => {
      if (!ack) return;
      state.open = null;
      state.status = t('learn.staff.qa.edited');
      ctx.redraw();
      focusSoon(`learn-first-${q.id}`);
    });
    return html`<form class="learn-form" data-testid="learn-edit-form" @submit=${submit(edit)}>
      <label for="learn-q-edit-${q.id}">${t('learn.staff.qa.editText')}</label>
      <textarea id="learn-q-edit-${q.id}" name="text" rows="2" required maxlength="300" .value=${q.text}></textarea>
      <label for="learn-q-edit-note-${q.id}">${t('learn.staff.qa.editNote')}</label>
      <input id="learn-q-edit-note-${q.id}" name="note" required maxlength="200" aria-describedby="learn-q-edit-note-help-${q.id}">
      <p class="muted" id="learn-q-edit-note-help-${q.id}">${t('learn.staff.qa.editNoteHelp')}</p>
      ${buttons(t('learn.staff.qa.editSave'))}
    </form>`;
  }
  if (action === 'hide') {
    return html`<form class="learn-form" data-testid="learn-hide-form"
      @submit=${submit((form) => act({ target: form }, 'hide-question', { reason: form.elements.reason.value.trim() }, t('learn.staff.qa.hiddenDone')))}>
      <label for="learn-q-hide-${q.id}">${t('learn.staff.qa.hideReason')}</label>
      <textarea id="learn-q-hide-${q.id}" name="reason" rows="2" required maxlength="300" aria-describedby="learn-q-hide-help-${q.id}"></textarea>
      <p class="muted" id="learn-q-hide-help-${q.id}">${t('learn.staff.qa.hideHelp')}</p>
      ${buttons(t('learn.staff.qa.hideSave'))}
    </form>`;
  }
  const targets = [...(qa.queue || []), ...qa.pending.filter((p) => p.id !== q.id)];
  return html`<form class="learn-form" data-testid="learn-merge-form"
    @submit=${submit((form) => act({ target: form }, 'merge-question', { into: form.elements.into.value }, t('learn.staff.qa.mergedDone')))}>
    ${targets.length ? html`<label for="learn-q-merge-${q.id}">${t('learn.staff.qa.mergeInto')}</label>
      <select id="learn-q-merge-${q.id}" name="into" required>
        ${targets.map((other) => html`<option value=${other.id}>${other.text}${other.votes !== undefined
          ? ` (${t('learn.staff.qa.votes', { n: other.votes })})` : ` (${t('learn.staff.qa.waiting')})`}</option>`)}
      </select>${buttons(t('learn.staff.qa.mergeSave'))}`
      : html`<p>${t('learn.staff.qa.mergeNone')}</p>${html`<button type="button" class="secondary" @click=${close}>${t('learn.staff.cancel')}</button>`}`}
  </form>`;
}

/** The approved queue in its order (votes, then age), with the answer controls for those who answer. */
function queueList(ctx, state, qa, { answer }) {
  if (!qa.queue?.length) return html`<p class="muted">${t('learn.staff.qa.queueNone')}</p>`;
  const top = qa.coverage?.top ?? 5;
  return html`<ol class="learn-questions learn-queue" data-testid="learn-queue">
    ${repeat(qa.queue, (q) => q.id, (q, i) => html`<li class="learn-question ${i < top ? 'learn-top' : ''}" data-question=${q.id}>
      <p class="learn-question-text"><span class="learn-votes" data-testid="learn-votes">${t('learn.staff.qa.votes', { n: q.votes })}</span> ${q.text}</p>
      <p class="muted">${groupText(q.group)}${q.edited ? html` · <span data-testid="learn-edited">${t('learn.staff.qa.editedNote', { note: q.edited.note })}</span>` : ''}</p>
      ${answer ? answerControls(ctx, state, qa.queue, q, i) : ''}
    </li>`)}
  </ol>`;
}
