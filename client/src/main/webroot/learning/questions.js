// Questions to the experts: asking (300 characters), the queue ordered by votes with a vote toggle, the person's own
// questions with what became of them, and the archive of answered questions (all that observers see). While Q&A is
// live the panel sits at the top of the plenary.
import { html, repeat } from '../lib/html.js';
import { showNear } from '../lib/near.js';
import { t } from '../i18n/i18n.js';
import { keptDrafts, keepTyping } from '../lib/kept-drafts.js';
import { learns, state, hasVoted, refreshMine, updateMine } from './mine.js';
import { dayAndTime, locale } from './format.js';

const MAX = 300;

/** After a vote the list may reorder (lit-html moves the row): the focus goes back to the same button. */
function refocus(selector) {
  requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector(selector)?.focus();
  });
}

/** The question just sent, while it waits for a facilitator (then "My questions" says what became of it). */
function justAsked(s) {
  if (!s.asked) return false;
  const question = s.mine?.questions?.find((q) => q.id === s.asked);
  return !question || question.status === 'pending';
}

function askForm(ctx) {
  const s = state(ctx);
  const kept = keptDrafts(ctx.me);
  const text = s.notes.ask ?? kept.restore('lm-ask/text') ?? '';
  const submit = (e) => {
    e.preventDefault();
    const form = e.target;
    const sent = form.elements.text.value.trim();
    if (!sent) {
      showNear(form.elements.text, t('learn.qa.empty'), t('error.dismiss'));
      form.elements.text.focus();
      return;
    }
    ctx.send('ask-question', { text: sent }, { near: form.elements.text ?? form }).then((ack) => {
      if (!ack) return;
      kept.forgetAll('lm-ask/');
      s.notes.ask = '';
      s.asked = ack.result?.questionId ?? true;
      updateMine(ctx, (mine) => ({ ...mine, questions: [...mine.questions, { id: ack.result?.questionId, text: sent, status: 'pending' }] }));
      refreshMine(ctx);
      ctx.redraw();
      form.elements.text.focus();
    });
  };
  const onInput = (e) => {
    keepTyping(kept, 'lm-ask/')(e);
    s.notes.ask = e.target.value;
    s.asked = null;
    ctx.redraw();
  };
  return html`<form class="lm-ask" @submit=${submit} @input=${onInput} data-testid="learn-ask">
    <label for="lm-ask-text">${t('learn.qa.ask')}</label>
    <textarea id="lm-ask-text" name="text" rows="2" maxlength=${MAX} required aria-describedby="lm-ask-count" .value=${text}></textarea>
    <p class=${'muted lm-count' + (text.length > MAX - 30 ? ' near-limit' : '')} id="lm-ask-count">${t('learn.count', { n: text.length, of: MAX })}</p>
    <button type="submit">${t('learn.qa.send')}</button>
    <p role="status" data-testid="learn-asked">${justAsked(s) ? t('learn.qa.sent') : ''}</p>
  </form>`;
}

function votesText(n) {
  return new Intl.PluralRules(locale()).select(n) === 'one' ? t('learn.qa.vote', { n }) : t('learn.qa.votes', { n });
}

/** A toggle (aria-pressed) whose name stays the same; the check mark shows the vote to the eye. */
function voteButton(ctx, question) {
  const voted = hasVoted(ctx, question.id);
  const toggle = (e) => {
    const button = e.currentTarget;
    const vote = !voted;
    ctx.send('upvote-question', { questionId: question.id, vote }, { near: button }).then((ack) => {
      if (!ack) return;
      updateMine(ctx, (mine) => ({ ...mine, votes: vote ? [...new Set([...mine.votes, question.id])] : mine.votes.filter((id) => id !== question.id) }));
      refreshMine(ctx);
      ctx.redraw();
      refocus(`[data-testid=learn-vote][data-question="${CSS.escape(question.id)}"]`);
    });
  };
  return html`<button type="button" class=${'lm-vote' + (voted ? ' voted' : '')} aria-pressed=${voted ? 'true' : 'false'}
    data-testid="learn-vote" data-question=${question.id} aria-describedby=${'lm-q-' + question.id} @click=${toggle}>
    <span aria-hidden="true">${voted ? '✓' : '▲'}</span> ${t('learn.qa.support')}</button>`;
}

/**
 * The queue by votes — but while keyboard focus is inside it, in the order the person last saw (new questions at the
 * end): moving a focused row would take focus away from the person about to vote.
 */
function queueList(ctx, queue) {
  if (!queue.length) return html`<p class="muted">${t('learn.qa.queueEmpty')}</p>`;
  const s = state(ctx);
  let sorted = [...queue].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || String(a.askedAt).localeCompare(String(b.askedAt)));
  if (s.holdOrder) {
    const place = new Map(s.holdOrder.map((id, i) => [id, i]));
    sorted = [...queue].sort((a, b) => (place.get(a.id) ?? Infinity) - (place.get(b.id) ?? Infinity));
  }
  s.shownOrder = sorted.map((q) => q.id);
  const hold = () => { s.holdOrder = s.holdOrder ?? s.shownOrder; };
  const release = (e) => {
    if (e.currentTarget.contains(e.relatedTarget)) return;
    s.holdOrder = null;
    ctx.redraw();
  };
  return html`<ol class="lm-queue" data-testid="learn-queue" @focusin=${hold} @focusout=${release}>${repeat(sorted, (q) => q.id, (q) => html`
    <li data-testid="learn-question" data-question=${q.id}>
      <p class="lm-question-text" id=${'lm-q-' + q.id}>${q.text}</p>
      ${q.edited ? html`<p class="muted">${t('learn.qa.edited', { note: q.edited.note ?? '' })}</p>` : ''}
      <div class="lm-question-row">
        <span class="lm-votes" data-testid="learn-votes">${votesText(q.votes ?? 0)}</span>
        ${q.group ? html`<span class="muted">${t('learn.qa.fromGroup', { n: q.group })}</span>` : ''}
        ${voteButton(ctx, q)}
      </div>
    </li>`)}</ol>`;
}

function statusText(ctx, question) {
  switch (question.status) {
    case 'pending': return t('learn.mine.pending');
    case 'approved': return t('learn.mine.approved');
    case 'answered': return t('learn.mine.answered');
    case 'hidden': return question.reason ? t('learn.mine.hiddenBecause', { reason: question.reason }) : t('learn.mine.hidden');
    case 'merged': {
      const into = [...(ctx.view?.learning?.qa?.queue ?? []), ...(ctx.view?.learning?.qa?.archive ?? [])].find((q) => q.id === question.into);
      return into ? t('learn.mine.mergedInto', { text: into.text }) : t('learn.mine.merged');
    }
    default: return '';
  }
}

function myQuestions(ctx) {
  const mine = state(ctx).mine?.questions ?? [];
  if (!mine.length) return '';
  return html`<h3>${t('learn.mine.title')}</h3>
    <ul class="lm-mine" data-testid="learn-my-questions">${mine.map((q) => html`
      <li data-testid="learn-my-question" data-status=${q.status}>
        <p class="lm-question-text">${q.text}</p>
        <p class=${'lm-status ' + q.status}>${statusText(ctx, q)}</p>
        ${q.status !== 'hidden' && q.note ? html`<p class="muted">${t('learn.qa.edited', { note: q.note })}</p>` : ''}
        ${q.status === 'answered' && q.answer ? html`<p class="lm-answer"><strong>${t('learn.qa.answer')}</strong> ${q.answer}</p>` : ''}
      </li>`)}</ul>`;
}

function archiveList(ctx, archive) {
  if (!archive.length) return html`<p class="muted">${t('learn.qa.archiveEmpty')}</p>`;
  const newest = [...archive].sort((a, b) => String(b.answeredAt).localeCompare(String(a.answeredAt)));
  return html`<ol class="lm-archive" data-testid="learn-archive">${repeat(newest, (q) => q.id, (q) => html`
    <li data-testid="learn-answered" data-question=${q.id}>
      <p class="lm-question-text">${q.text}</p>
      ${q.edited ? html`<p class="muted">${t('learn.qa.edited', { note: q.edited.note ?? '' })}</p>` : ''}
      ${q.answer ? html`<p class="lm-answer"><strong>${t('learn.qa.answer')}</strong> ${q.answer}</p>`
        : html`<p class="muted">${t('learn.qa.answeredLive')}</p>`}
      <p class="muted">${votesText(q.votes ?? 0)}${q.answeredAt ? html` · <time datetime=${q.answeredAt}>${dayAndTime(q.answeredAt, ctx.now)}</time>` : ''}</p>
    </li>`)}</ol>`;
}

/**
 * Members and facilitators ask, vote and follow their questions; everyone reads the archive. Organisers and experts
 * find the queue in their own tools (staff.js), observers never see it.
 */
function questionsSection(ctx) {
  const qa = ctx.view?.learning?.qa;
  if (!qa) return '';
  const learner = learns(ctx.me);
  const archive = qa.archive ?? [];
  if (!learner && !archive.length) return '';
  return html`<section aria-labelledby="lm-questions-title" class=${'lm-questions' + (qa.live ? ' live' : '')} data-testid="learn-questions"
      data-live=${Boolean(qa.live)}>
    <h2 id="lm-questions-title">${qa.live ? t('learn.qa.liveTitle') : t('learn.qa.title')}</h2>
    ${qa.live && qa.liveTitle ? html`<p class="lm-live-title">${qa.liveTitle}</p>` : ''}
    ${learner ? html`
      ${askForm(ctx)}
      ${myQuestions(ctx)}
      <h3>${t('learn.qa.queue')}</h3>
      ${queueList(ctx, qa.queue ?? [])}` : ''}
    <h3>${t('learn.qa.archive')}</h3>
    ${archiveList(ctx, archive)}
  </section>`;
}

/** Near the top of the plenary, live or not (it never moves, so nothing being typed in it is lost). */
export function questionsPanel(ctx) {
  return questionsSection(ctx);
}
