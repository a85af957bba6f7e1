// Progress per learning group (docs/learning.md): facilitators see their group, the lead and organisers every group,
// as counts per item (names only when organisers turned named progress on); the answers to an item's task; and, for
// a facilitator inside an open group, an answer brought to the group's board as a card. Progress is never in a
// shared view: it is asked (learning-progress) whenever the view's progressVersion moves.
import { html, repeat } from '../lib/html.js';
import { t, errorText } from '../i18n/i18n.js';
import { memory, focusSoon, itemsById } from './staff-shared.js';

const fresh = () => ({ asked: null, busy: false, again: false, result: null, error: null, answers: null, status: '' });

function mayLook(ctx) {
  return (ctx.me?.role === 'facilitator' || ctx.me?.role === 'organiser') && ctx.view?.learning?.progressVersion !== undefined;
}

/** Asks for progress (and the answers being looked at) again when the version or the person's audience changed. */
export function refreshProgress(ctx) {
  if (!mayLook(ctx)) return;
  const state = memory(ctx, 'progress', fresh);
  const key = `${ctx.me.audience}|${ctx.view.learning.progressVersion}`;
  if (state.asked === key) return;
  state.asked = key;
  ask(ctx, state);
}

/** One question at a time: news during a question asks once more when it is answered. */
function ask(ctx, state) {
  if (state.busy) {
    state.again = true;
    return;
  }
  state.busy = true;
  const itemId = state.answers?.itemId;
  const queries = [ctx.connection.send('learning-progress', {}).then((ack) => {
    state.result = ack.result;
    state.error = null;
  })];
  if (itemId) queries.push(loadAnswers(ctx, state, itemId));
  Promise.all(queries).catch((error) => { state.error = error; }).finally(() => {
    state.busy = false;
    if (state.again) {
      state.again = false;
      ask(ctx, state);
    }
    ctx.redraw();
  });
}

function loadAnswers(ctx, state, itemId) {
  return ctx.connection.send('task-answers', { itemId }).then((ack) => {
    state.answers = { itemId, list: ack.result?.answers ?? [], error: null };
  }, (error) => {
    state.answers = { itemId, list: [], error };
  });
}

export function progressPanel(ctx) {
  if (!mayLook(ctx)) return '';
  const state = memory(ctx, 'progress', fresh);
  const items = itemsById(ctx.view);
  const result = state.result;
  const organiser = ctx.me.role === 'organiser';
  return html`<section aria-labelledby="learn-progress-title" class="learn-staff" data-testid="learn-progress">
    <h2 id="learn-progress-title">${t('learn.staff.progress.title')}</h2>
    <p class="muted">${result?.named ? t('learn.staff.progress.namedOn') : t('learn.staff.progress.namedOff')}</p>
    ${organiser ? html`<div class="controls-row"><button type="button" class="secondary" id="learn-named"
      aria-pressed=${result?.named ? 'true' : 'false'}
      @click=${(e) => ctx.send('set-learning-options', { namedProgress: !result?.named }, { near: e.currentTarget })
        .then((ack) => ack && ask(ctx, state))}>
      ${t('learn.staff.progress.named')}</button></div>` : ''}
    <p role="status" class="learn-status">${state.status}</p>
    ${state.error ? html`<p class="field-error" role="alert">${errorText(state.error)}</p>` : ''}
    ${!result ? html`<p class="muted">${t('learn.staff.progress.loading')}</p>`
      : !result.groups.length ? html`<p>${t('learn.staff.progress.noGroup')}</p>`
        : !items.size ? html`<p>${t('learn.staff.progress.noItems')}</p>`
          : repeat(result.groups, (g) => g.group, (g) => groupTable(g, items, result.named))}
    ${taskAnswers(ctx, state, items)}
  </section>`;
}

function groupTable(g, items, named) {
  const title = g.group > 0 ? t('learn.staff.qa.group', { n: g.group }) : t('learn.staff.progress.noGroupYet');
  return html`<div class="learn-progress-group" data-testid="learn-progress-group" data-group=${g.group}>
    <h3 id="learn-progress-${g.group}">${title} · ${t('learn.staff.progress.members', { n: g.members })}</h3>
    <div class="table-room" tabindex="0" role="region" aria-labelledby="learn-progress-${g.group}"><table class="learn-table" aria-labelledby="learn-progress-${g.group}">
      <thead><tr><th scope="col">${t('learn.staff.progress.item')}</th><th scope="col">${t('learn.staff.progress.done')}</th>
        ${named ? html`<th scope="col">${t('learn.staff.progress.who')}</th>` : ''}</tr></thead>
      <tbody>${[...items.values()].map((item) => {
        const done = g.items?.[item.id] ?? 0;
        return html`<tr data-item=${item.id}><th scope="row">${item.title}</th>
          <td data-testid="learn-done-count">${t('learn.staff.progress.count', { done, members: g.members })}</td>
          ${named ? html`<td>${(g.names?.[item.id] || []).join(', ')}</td>` : ''}</tr>`;
      })}</tbody>
    </table></div>
  </div>`;
}

/** The answers to one item's task: chosen from the items that have one. Written answers may go to the board. */
function taskAnswers(ctx, state, items) {
  const withTask = [...items.values()].filter((item) => item.task);
  if (!withTask.length) return '';
  const chosen = state.answers?.itemId;
  const choose = (e) => {
    e.preventDefault();
    const itemId = e.target.elements.chosen.value;
    state.answers = { itemId, list: null, error: null };
    ctx.redraw();
    loadAnswers(ctx, state, itemId).then(() => {
      ctx.redraw();
      focusSoon('learn-answers-title');
    });
  };
  const item = chosen ? items.get(chosen) : null;
  return html`<div class="learn-answers" data-testid="learn-task-answers">
    <h3>${t('learn.staff.answers.title')}</h3>
    <form class="controls-row learn-inline" @submit=${choose}>
      <label for="learn-answers-item">${t('learn.staff.answers.item')}</label>
      <select id="learn-answers-item" name="chosen">${withTask.map((i) => html`<option value=${i.id} ?selected=${i.id === chosen}>${i.title}</option>`)}</select>
      <button type="submit" class="secondary">${t('learn.staff.answers.show')}</button>
    </form>
    ${item ? html`<h4 id="learn-answers-title" tabindex="-1">${t('learn.staff.answers.for', { title: item.title })}</h4>
      ${state.answers.error ? html`<p class="field-error" role="alert">${errorText(state.answers.error)}</p>`
        : !state.answers.list ? html`<p class="muted">${t('learn.staff.progress.loading')}</p>`
          : !state.answers.list.length ? html`<p class="muted">${t('learn.staff.answers.none')}</p>`
            : html`<ul class="learn-answer-list">${state.answers.list.map((a) => answerRow(ctx, state, item, a))}</ul>`}` : ''}
  </div>`;
}

function answerText(item, a) {
  if (a.text) return a.text;
  const questions = item.task?.questions || [];
  return (a.choices || []).map((c, i) => `${questions[i]?.text ?? i + 1} → ${questions[i]?.options?.[c] ?? c}`).join(' ; ');
}

function answerRow(ctx, state, item, a) {
  const bring = (e) => ctx.send('bring-answer', { itemId: item.id, personId: a.personId }, { near: e.currentTarget }).then((ack) => {
    if (!ack) return;
    state.status = t('learn.staff.answers.brought', { name: a.name });
    ctx.redraw();
  });
  return html`<li class="learn-answer" data-testid="learn-answer">
    <p><strong>${a.name}</strong> <span class="muted">· ${a.group > 0 ? t('learn.staff.qa.group', { n: a.group }) : ''}</span></p>
    <p class="learn-answer-text">${answerText(item, a)}</p>
    ${ctx.facilitating && a.text ? html`<div class="controls-row"><button type="button" class="secondary" data-testid="learn-bring"
      aria-label=${t('learn.staff.answers.bringLabel', { name: a.name })} @click=${bring}>${t('learn.staff.answers.bring')}</button></div>` : ''}
  </li>`;
}
