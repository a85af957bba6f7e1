// The task of an item: a reflection or a question (free text, kept in this browser while it is written), or a quiz
// whose ack says, per question, whether the choice was right and why (quiz keys never reach a view).
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { keptDrafts, keepTyping } from '../lib/kept-drafts.js';
import { state, refreshMine, updateMine } from './mine.js';

const LIMITS = { reflection: 1000, question: 500 };

function recordAnswer(ctx, itemId, answer) {
  updateMine(ctx, (mine) => ({ ...mine, answers: { ...mine.answers, [itemId]: { ...answer, at: new Date(ctx.now).toISOString() } } }));
  refreshMine(ctx);
}

function textTask(ctx, item, task, previous) {
  const kept = keptDrafts(ctx.me);
  const key = `lm-task/${item.id}/`;
  const limit = LIMITS[task.kind] ?? 1000;
  const s = state(ctx);
  const field = `lm-answer-${item.id}`;
  const text = s.notes[field] ?? kept.restore(key + 'text') ?? previous?.text ?? '';
  const submit = (e) => {
    e.preventDefault();
    const form = e.target;
    const sent = form.elements.text.value;
    ctx.send('answer-task', { itemId: item.id, text: sent }, { near: form.elements.text }).then((ack) => {
      if (!ack) return;
      kept.forgetAll(key);
      delete s.notes[field];
      s.feedback[item.id] = { saved: true };
      recordAnswer(ctx, item.id, { text: sent });
      ctx.redraw();
    });
  };
  const onInput = (e) => {
    keepTyping(kept, key)(e);
    s.notes[field] = e.target.value;
    delete s.feedback[item.id];
    ctx.redraw();
  };
  return html`<form class="lm-task" @submit=${submit} @input=${onInput} data-testid="learn-task">
    <label for=${field}>${task.prompt}</label>
    <textarea id=${field} name="text" rows="4" maxlength=${limit} required aria-describedby=${field + '-count'} .value=${text}></textarea>
    <p class="muted lm-count" id=${field + '-count'}>${t('learn.count', { n: text.length, of: limit })}</p>
    <button type="submit">${previous ? t('learn.task.update') : t('learn.task.send')}</button>
    <p class="lm-saved muted">${!s.feedback[item.id]?.saved && previous ? t('learn.task.answered') : ''}</p>
    <p role="status" class="lm-saved">${s.feedback[item.id]?.saved ? t('learn.task.saved') : ''}</p>
  </form>`;
}

/**
 * The quiz's feedback comes with learning-mine once the answer is recorded ({correct, answer: the right option,
 * feedback?} per question, score, of); until then the form says it is checking.
 */
function quizTask(ctx, item, task, previous) {
  const s = state(ctx);
  const sent = s.feedback[item.id];
  const submit = (e) => {
    e.preventDefault();
    const form = e.target;
    const choices = task.questions.map((_, q) => Number(form.querySelector(`input[name="q${q}"]:checked`)?.value));
    ctx.send('answer-task', { itemId: item.id, choices }, { near: form }).then((ack) => {
      if (!ack) return;
      s.feedback[item.id] = { checking: true };
      updateMine(ctx, (mine) => ({ ...mine, answers: { ...mine.answers, [item.id]: { choices, at: new Date(ctx.now).toISOString() } } }));
      refreshMine(ctx);
      ctx.redraw();
    });
  };
  const feedback = previous?.feedback;
  const checking = sent?.checking && !feedback;
  return html`<form class="lm-task lm-quiz" @submit=${submit} data-testid="learn-quiz">
    <p class="lm-task-prompt">${task.prompt}</p>
    ${task.questions.map((question, q) => html`<fieldset data-testid="learn-quiz-question">
      <legend>${t('learn.quiz.question', { n: q + 1 })} ${question.text}</legend>
      ${question.options.map((option, o) => html`<label class="choice">
        <input type="radio" name=${'q' + q} value=${o} required ?checked=${previous?.choices?.[q] === o}> ${option}</label>`)}
      ${feedback?.[q] ? html`<p class=${'lm-feedback ' + (feedback[q].correct ? 'right' : 'wrong')} data-testid="learn-quiz-feedback"
          data-correct=${Boolean(feedback[q].correct)}>
        <strong>${feedback[q].correct ? t('learn.quiz.right') : t('learn.quiz.wrong')}</strong>
        ${!feedback[q].correct && question.options[feedback[q].answer] !== undefined
          ? html` ${t('learn.quiz.answer', { option: question.options[feedback[q].answer] })}` : ''}
        ${feedback[q].feedback ? html` ${feedback[q].feedback}` : ''}</p>` : ''}
    </fieldset>`)}
    <button type="submit">${previous ? t('learn.quiz.again') : t('learn.quiz.send')}</button>
    ${!sent && feedback && previous?.of ? score(previous) : !sent && previous ? html`<p class="muted">${t('learn.task.answered')}</p>` : ''}
    <div role="status">${!sent ? '' : checking ? html`<p class="muted">${t('learn.quiz.checking')}</p>` : feedback && previous?.of ? score(previous) : ''}</div>
  </form>`;
}

/** The item's task for a member or facilitator (observers never see tasks: the view does not carry them). */
export function taskForm(ctx, item) {
  const task = item.task;
  if (!task) return '';
  const previous = state(ctx).mine?.answers?.[item.id];
  if (task.kind === 'quiz' && Array.isArray(task.questions)) return quizTask(ctx, item, task, previous);
  return textTask(ctx, item, task, previous);
}

function score(previous) {
  return html`<p class="lm-score" data-testid="learn-quiz-score">${t('learn.quiz.score', { n: previous.score ?? 0, of: previous.of })}</p>`;
}
