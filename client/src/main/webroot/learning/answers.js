// Answering a question of the queue: "answered live" (the expert said it in the plenary), or a written answer that
// joins the public archive (docs/learning.md, answer-question). Experts, the lead and organisers.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { focusSoon } from './staff-shared.js';
import { keptDrafts, keepTyping } from '../lib/kept-drafts.js';

const MAX_ANSWER = 4000;

export function answerControls(ctx, state, queue, q, index) {
  // A written answer can be long: kept in this browser until the hub has it (a reload must not cost it).
  const kept = keptDrafts(ctx.me);
  const typing = `learn-staff-answer/${q.id}/`;
  const writing = (state.open?.id === q.id && state.open.action === 'answer') || kept.has(typing);
  const next = queue[index + 1] ?? queue[index - 1];
  const answered = (ack, message) => {
    if (!ack) return;
    state.open = null;
    state.status = message;
    ctx.redraw();
    focusSoon(...(next ? [`learn-live-${next.id}`] : []), 'learn-moderation-title', 'learn-expert-title');
  };
  const live = (e) => ctx.send('answer-question', { questionId: q.id }, { near: e.currentTarget })
    .then((ack) => answered(ack, t('learn.staff.answer.liveDone')));
  const written = (e) => {
    e.preventDefault();
    const form = e.target;
    ctx.send('answer-question', { questionId: q.id, text: form.elements.answer.value.trim() }, { near: form })
      .then((ack) => {
        if (ack) kept.forgetAll(typing);
        answered(ack, t('learn.staff.answer.writtenDone'));
      });
  };
  return html`<div class="controls-row" role="group" aria-label=${t('learn.staff.answer.for', { text: q.text })}>
      <button type="button" id="learn-live-${q.id}" data-testid="learn-answer-live" @click=${live}>${t('learn.staff.answer.live')}</button>
      <button type="button" class="secondary" aria-expanded=${writing ? 'true' : 'false'} @click=${() => {
        state.open = writing ? null : { id: q.id, action: 'answer' };
        ctx.redraw();
        focusSoon(writing ? `learn-live-${q.id}` : `learn-answer-${q.id}`);
      }}>${t('learn.staff.answer.write')}</button>
    </div>
    ${writing ? html`<form class="learn-form" data-testid="learn-answer-form" @submit=${written} @input=${keepTyping(kept, typing)}>
      <label for="learn-answer-${q.id}">${t('learn.staff.answer.label')}</label>
      <textarea id="learn-answer-${q.id}" name="answer" rows="6" required maxlength=${MAX_ANSWER}
        aria-describedby="learn-answer-help-${q.id}" .value=${kept.restore(typing + 'answer') ?? ''}></textarea>
      <p class="muted" id="learn-answer-help-${q.id}">${t('learn.staff.answer.help', { n: MAX_ANSWER })}</p>
      <div class="controls-row"><button type="submit">${t('learn.staff.answer.send')}</button></div>
    </form>` : ''}`;
}
