// A quiz's questions in the item editor: 1 to 10 questions, each with 2 to 6 options, the correct one and an optional
// feedback shown after answering. Fields are named quiz-<question>-<part> so that the form's one input listener can
// keep them in the draft.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { focusSoon } from './staff-shared.js';

const MAX_QUESTIONS = 10;
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;

export function newQuestion() {
  return { text: '', options: ['', ''], correct: 0, feedback: '' };
}

/** Keeps a quiz field's value in the draft; false when the field is not one of the quiz's. */
export function readQuizField(d, field) {
  const parts = /^quiz-(\d+)-(text|feedback|correct|option-(\d+))$/.exec(field.name);
  if (!parts) return false;
  const q = d.questions[Number(parts[1])];
  if (!q) return true;
  if (parts[3] !== undefined) q.options[Number(parts[3])] = field.value;
  else if (parts[2] === 'correct') {
    if (field.checked) q.correct = Number(field.value);
  } else q[parts[2]] = field.value;
  return true;
}

export function quizEditor(ctx, d) {
  const change = (what, focus) => () => {
    what();
    ctx.redraw();
    focusSoon(focus);
  };
  const unknown = d.questions.some((q) => q.correct === null);
  return html`<div class="learn-quiz" data-testid="learn-quiz">
    ${unknown ? html`<p class="warning">${t('learn.staff.quiz.keysHidden')}</p>` : ''}
    ${d.questions.map((q, i) => html`<fieldset class="learn-quiz-question">
      <legend>${t('learn.staff.quiz.question', { n: i + 1 })}</legend>
      <label for="quiz-${i}-text">${t('learn.staff.quiz.text', { n: i + 1 })}</label>
      <input id="quiz-${i}-text" name="quiz-${i}-text" required maxlength="500" .value=${q.text}>
      <fieldset><legend>${t('learn.staff.quiz.options', { n: i + 1 })}</legend>
        ${q.options.map((o, j) => html`<div class="learn-option">
          <label for="quiz-${i}-option-${j}">${t('learn.staff.quiz.option', { n: j + 1 })}</label>
          <input id="quiz-${i}-option-${j}" name="quiz-${i}-option-${j}" required maxlength="200" .value=${o}>
          <label class="choice learn-correct"><input type="radio" name="quiz-${i}-correct" value=${j} required .checked=${q.correct === j}>
            ${t('learn.staff.quiz.correct')}<span class="visually-hidden"> (${t('learn.staff.quiz.option', { n: j + 1 })})</span></label>
          ${q.options.length > MIN_OPTIONS ? html`<button type="button" class="secondary learn-small"
            aria-label=${t('learn.staff.quiz.removeOption', { n: j + 1, q: i + 1 })}
            @click=${change(() => {
              q.options.splice(j, 1);
              if (q.correct === j) q.correct = null;
              else if (q.correct > j) q.correct -= 1;
            }, `quiz-${i}-option-${Math.max(0, j - 1)}`)}>×</button>` : ''}
        </div>`)}
        ${q.options.length < MAX_OPTIONS ? html`<button type="button" class="secondary"
          @click=${change(() => q.options.push(''), `quiz-${i}-option-${q.options.length}`)}>${t('learn.staff.quiz.addOption')}</button>` : ''}
      </fieldset>
      <label for="quiz-${i}-feedback">${t('learn.staff.quiz.feedback')}</label>
      <textarea id="quiz-${i}-feedback" name="quiz-${i}-feedback" rows="2" maxlength="500" .value=${q.feedback}></textarea>
      ${d.questions.length > 1 ? html`<button type="button" class="secondary"
        @click=${change(() => d.questions.splice(i, 1), `quiz-${Math.max(0, i - 1)}-text`)}>
        ${t('learn.staff.quiz.removeQuestion', { n: i + 1 })}</button>` : ''}
    </fieldset>`)}
    ${d.questions.length < MAX_QUESTIONS ? html`<button type="button" class="secondary"
      @click=${change(() => d.questions.push(newQuestion()), `quiz-${d.questions.length}-text`)}>${t('learn.staff.quiz.addQuestion')}</button>` : ''}
  </div>`;
}
