// Inside a group: idea cards, shared notes, the speaking queue, the help call. And the harvest board for everyone.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { minutesSeconds } from '../lib/time.js';

/** The group's facilitators (ctx.facilitating) give the floor and star and promote cards. */
export function workspacePanel(ctx) {
  const { me, facilitating: facilitator, send } = ctx;
  const ws = ctx.view.workspace;
  const now = ctx.now;
  if (!ws) return '';
  const ideas = Object.entries(ws.ideas || {}).sort((a, b) => a[1].order - b[1].order);
  const queue = Object.entries(ws.queue || {}).sort((a, b) => a[1].position - b[1].position);
  const inQueue = me && ws.queue && ws.queue[me.personId];
  return html`<section aria-labelledby="ws-title" data-testid="workspace">
    <h2 id="ws-title">${t('ws.title')}</h2>

    <h3>${t('ws.queue')}</h3>
    ${ws.speaker ? html`<p data-testid="speaker">${t('ws.speaking', { name: ws.speaker.name })}
      <span class="turn-timer" data-testid="turn-timer">${minutesSeconds(now - Date.parse(ws.speaker.since))}</span></p>` : ''}
    ${queue.length === 0 ? html`<p class="muted">${t('ws.queueEmpty')}</p>` : html`<ol class="queue">
      ${repeat(queue, ([id]) => id, ([id, q]) => html`<li>${q.name}${facilitator ? html`
        <button type="button" class="secondary" @click=${() => send('give-floor', { personId: id })}>${t('ws.giveFloor')}</button>` : ''}</li>`)}
    </ol>`}
    <div class="controls-row">
      ${!facilitator ? (inQueue
        ? html`<button type="button" class="secondary" @click=${() => send('lower-hand', {})}>${t('ws.lowerHand')}</button>`
        : html`<button type="button" @click=${() => send('raise-hand', {})}>✋ ${t('ws.raiseHand')}</button>`) : ''}
      ${facilitator && ws.speaker ? html`<button type="button" class="secondary" @click=${() => send('give-floor', {})}>${t('ws.endTurn')}</button>` : ''}
      ${ws.help ? html`<p role="status">${t('ws.helpComing')}</p>`
        : html`<button type="button" class="secondary" @click=${() => send('call-help', {})}>${t('ws.callHelp')}</button>`}
    </div>
    ${facilitator && ws.spokenSeconds ? html`<p class="muted">${t('ws.spoken')}: ${Object.entries(ws.spokenSeconds)
      .map(([id, s]) => `${ws.queue?.[id]?.name ?? id} ${minutesSeconds(s * 1000)}`).join(' · ')}</p>` : ''}

    <h3>${t('ws.ideas')}</h3>
    <ul class="cards">
      ${repeat(ideas, ([id]) => id, ([id, idea]) => html`<li class=${idea.starred ? 'starred' : ''}>
        <p class="announcement-text">${idea.starred ? '★ ' : ''}${idea.text}</p>
        ${facilitator ? html`<div class="controls-row">
          <button type="button" class="secondary" @click=${() => send('star-idea', { ideaId: id, starred: !idea.starred })}>${idea.starred ? t('ws.unstar') : t('ws.star')}</button>
          ${idea.promoted ? html`<span class="muted">${t('ws.promoted')}</span>`
            : html`<button type="button" class="secondary" @click=${() => send('promote-idea', { ideaId: id })}>${t('ws.promote')}</button>`}
        </div>` : ''}
      </li>`)}
    </ul>
    <form @submit=${(e) => { e.preventDefault(); send('add-idea', { text: e.target.idea.value }).then((ack) => ack && e.target.reset()); }}>
      <label for="idea-text">${t('ws.newIdea')}</label>
      <textarea id="idea-text" name="idea" rows="2" maxlength="500" required></textarea>
      <button type="submit">${t('ws.addIdea')}</button>
    </form>

    <form @submit=${(e) => { e.preventDefault(); send('edit-notes', { text: e.target.notes.value }); }}>
      <h3><label for="notes">${t('ws.notes')}</label></h3>
      <textarea id="notes" name="notes" rows="4" maxlength="10000" .value=${ws.notes ?? ''}></textarea>
      <button type="submit" class="secondary">${t('ws.saveNotes')}</button>
    </form>
  </section>`;
}

/** Facilitators and organisers see what is not published yet; the lead and organisers (ctx.steers) act on it. */
export function harvestPanel(ctx) {
  const harvest = ctx.view.harvest;
  const desk = ctx.me?.role === 'organiser' || ctx.me?.role === 'facilitator';
  const send = ctx.steers ? ctx.send : null;
  const items = Object.entries(harvest?.items || {}).sort((a, b) => a[1].order - b[1].order);
  const calls = Object.keys(harvest?.helpCalls || {});
  if (items.length === 0 && calls.length === 0) return '';
  return html`<section aria-labelledby="harvest-title" data-testid="harvest">
    <h2 id="harvest-title">${t('harvest.title')}</h2>
    ${calls.length ? html`<div role="alert" class="warning">${calls.map((g) => html`<p>${t('harvest.help', { n: g })}
      ${send ? html`<button type="button" class="secondary" @click=${() => send('answer-help', { group: Number(g) })}>${t('harvest.answered')}</button>` : ''}</p>`)}</div>` : ''}
    ${desk && send && items.length > 1 ? html`<form @submit=${(e) => { e.preventDefault();
        send('merge-ideas', { intoId: e.target.into.value, fromId: e.target.from.value }); }}>
      <label for="merge-from">${t('harvest.mergeFrom')}</label>
      <select id="merge-from" name="from">${items.map(([id, item]) => html`<option value=${id}>${item.text.slice(0, 60)}</option>`)}</select>
      <label for="merge-into">${t('harvest.mergeInto')}</label>
      <select id="merge-into" name="into">${items.map(([id, item]) => html`<option value=${id}>${item.text.slice(0, 60)}</option>`)}</select>
      <button type="submit" class="secondary">${t('harvest.merge')}</button>
    </form>` : ''}
    <ul class="cards">${items.map(([id, item]) => html`<li>
      <p class="announcement-text">${item.text}</p>
      <p class="muted">${t('harvest.from', { group: item.group, round: item.round })}
        ${desk && !item.published ? html` · ${t('harvest.waiting')}
          ${send ? html`<button type="button" @click=${() => send('publish-harvest', { ideaId: id })}>${t('harvest.publish')}</button>` : ''}` : ''}</p>
      ${send ? html`<button type="button" class="secondary" @click=${() => send('propose-draft', { fromIdeaId: id,
        title: item.text.split('\n')[0].slice(0, 120), text: item.text })}>${t('harvest.toDraft')}</button>` : ''}
    </li>`)}</ul>
  </section>`;
}
