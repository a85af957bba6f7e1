// Inside a group: idea cards, shared notes, the speaking queue, the help call. And the harvest board for everyone.
import { html, repeat } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';
import { minutesSeconds } from '../lib/time.js';
import { keptDrafts } from '../lib/kept-drafts.js';
import { announce } from '../lib/announce.js';

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
    ${ws.speaker ? html`<p data-testid="speaker">${ws.speaker.id && ws.speaker.id === me?.personId
        ? html`<strong>${t('ws.yourTurn')}</strong>` : t('ws.speaking', { name: ws.speaker.name })}
      <span class="turn-timer" data-testid="turn-timer">${minutesSeconds(now - Date.parse(ws.speaker.since))}</span></p>` : ''}
    ${queue.length === 0 ? html`<p class="muted">${t('ws.queueEmpty')}</p>` : html`<ol class="queue">
      ${repeat(queue, ([id]) => id, ([id, q]) => html`<li>${q.name}${request(q)}${facilitator ? html`
        <button type="button" class="secondary" @click=${() => send('give-floor', { personId: id })}>${t('ws.giveFloor')}</button>` : ''}</li>`)}
    </ol>`}
    <div class="controls-row">
      ${!facilitator ? handButton(ctx, inQueue) : ''}
      ${facilitator && ws.speaker ? html`<button type="button" class="secondary" @click=${() => send('give-floor', {})}>${t('ws.endTurn')}</button>` : ''}
      ${ws.help ? html`<p data-focus="help" tabindex="-1">${t('ws.helpComing')}</p>`
        : html`<button type="button" class="secondary" data-focus="help" @click=${() => send('call-help', {})
          .then((ack) => ack && announce(t('ws.helpComing')))}>${t('ws.callHelp')}</button>`}
    </div>
    ${facilitator && ws.spokenSeconds && Object.keys(ws.spokenSeconds).length ? html`<h3>${t('ws.spoken')}</h3>
      <ul class="spoken" data-testid="spoken">${Object.entries(ws.spokenSeconds).sort((a, b) => b[1] - a[1]).map(([id, s]) => html`
        <li>${nameOf(ctx, id)} · ${t('ws.spokenFor', { time: minutesSeconds(s * 1000) })}</li>`)}</ul>` : ''}

    <h3>${t('ws.ideas')}</h3>
    <ul class="cards">
      ${repeat(ideas, ([id]) => id, ([id, idea]) => html`<li class=${idea.starred ? 'starred' : ''}>
        <p class="announcement-text">${idea.starred ? '★ ' : ''}${idea.text}</p>
        ${idea.source ? html`<p class="muted card-source" data-testid="card-source">${t('ws.source.task', { by: idea.source.by, title: idea.source.title })}</p>` : ''}
        ${facilitator ? html`<div class="controls-row">
          <button type="button" class="secondary" @click=${() => send('star-idea', { ideaId: id, starred: !idea.starred })}>${idea.starred ? t('ws.unstar') : t('ws.star')}</button>
          ${idea.promoted ? html`<span class="muted">${t('ws.promoted')}</span>`
            : html`<button type="button" class="secondary" @click=${() => send('promote-idea', { ideaId: id })}>${t('ws.promote')}</button>`}
        </div>` : ''}
      </li>`)}
    </ul>
    ${cardForm(ctx)}


    ${notesEditor(ctx, ws)}
  </section>`;
}

let before = null; // what the last view of my group said: its number, who spoke, whether help was called

/** Inside a group, said to screen readers as it happens: my turn to speak, our help call answered. */
export function sayWorkspaceNews(ctx) {
  const ws = ctx.view?.workspace;
  const now = ws ? { group: ctx.view.breakouts?.myGroup?.number, speaker: ws.speaker?.id, help: Boolean(ws.help) } : null;
  if (before && now && before.group === now.group) {
    if (now.speaker && now.speaker === ctx.me?.personId && before.speaker !== now.speaker) announce(t('ws.yourTurn'));
    if (before.help && !now.help) announce(t('ws.helpAnswered.said'));
  }
  before = now;
}

/**
 * Raise or lower my hand: one button whose words change (the same element, so keyboard focus stays on it), and what
 * changed is said to screen readers.
 */
function handButton(ctx, inQueue) {
  const press = () => ctx.send(inQueue ? 'lower-hand' : 'raise-hand', {})
    .then((ack) => ack && announce(inQueue ? t('ws.handLowered.said') : t('ws.handRaised.said')));
  return html`<button type="button" class=${inQueue ? 'secondary' : ''} data-testid="hand"
    @click=${press}>${inQueue ? t('ws.lowerHand') : html`<span aria-hidden="true">✋</span> ${t('ws.raiseHand')}`}</button>`;
}

/** What a person typed with their hand, and the chat message they ask to have read out (breakout/chat.js). */
function request(q) {
  return html`${q.note ? html` <span class="hand-request" data-testid="hand-request">${t('ws.handNote', { text: q.note })}</span>` : ''}${q.readOut
    ? html` <span class="hand-request" data-testid="hand-readout">${t('ws.readOut', { text: q.readOut.text })}</span>` : ''}`;
}

/** A person's name in their group: from the group's member list (facilitators), the queue, or the speaker. */
function nameOf(ctx, id) {
  const ws = ctx.view.workspace;
  return ctx.view.breakouts?.myGroup?.members?.[id]?.name ?? ws?.queue?.[id]?.name
    ?? (ws?.speaker?.id === id ? ws.speaker.name : null) ?? ws?.notesEditors?.[id]?.name ?? t('ws.someone');
}

/** A new card: what is typed is kept in this browser until the hub has the card (a reload or a lost link costs nothing). */
function cardForm(ctx) {
  const kept = keptDrafts(ctx.me);
  const ui = ctx.ui.card ||= { text: '' };
  if (!ui.restored && ctx.me?.personId) { // the person is known once `personal` came, maybe after the first view
    ui.restored = true;
    ui.text ||= kept.restore('card:new') ?? '';
  }
  const submit = (e) => {
    e.preventDefault();
    const sent = ui.text;
    ctx.send('add-idea', { text: sent }).then((ack) => {
      if (!ack) return;
      kept.forget('card:new');
      if (ui.text === sent) ui.text = '';
      ctx.redraw();
    });
  };
  return html`<form data-testid="new-card" @submit=${submit}>
    <label for="idea-text">${t('ws.newIdea')}</label>
    <textarea id="idea-text" name="idea" rows="2" maxlength="500" required .value=${ui.text}
      @input=${(e) => { ui.text = e.target.value; kept.keep('card:new', ui.text); }}></textarea>
    <button type="submit">${t('ws.addIdea')}</button>
  </form>`;
}

/** How long after someone's save the screen still says they are writing. */
const WRITING_MS = 30_000;
/** Notes are saved this long after the last keystroke (and when the field loses focus). */
const AUTOSAVE_MS = 2_000;

/**
 * The shared notes. What this person types is theirs until it is saved: others' saves never replace it on screen
 * (the server merges both, line by line, against the version this text was written on), and once saved the field
 * follows the group's notes again. ui.notes: {text, base (the version the text was written on), dirty}.
 */
function notesEditor(ctx, ws) {
  const kept = keptDrafts(ctx.me);
  const where = `notes:${ctx.view.breakouts?.round ?? 0}/${ctx.view.breakouts?.myGroup?.number ?? 0}`;
  const ui = ctx.ui.notes ||= { where: null };
  if (ui.where !== where && ctx.me?.personId) Object.assign(ui, restoredNotes(kept, where));
  if (!ui.dirty) {
    ui.text = ws.notes ?? '';
    ui.base = ws.notesVersion ?? 0;
  }
  const writing = Object.entries(ws.notesEditors || {})
    .filter(([id, e]) => id !== ctx.me?.personId && ctx.now - Date.parse(e.at) < WRITING_MS)
    .map(([, e]) => e.name);
  const behind = ui.dirty && (ws.notesVersion ?? 0) > ui.base;
  const save = () => {
    clearTimeout(ui.timer);
    ui.timer = null;
    if (!ui.dirty || ui.saving) return;
    const sent = ui.text;
    ui.saving = true;
    ctx.send('edit-notes', { text: sent, base: ui.base }).then((ack) => {
      ui.saving = false;
      if (ack && ui.text === sent) {
        ui.dirty = false;
        kept.forget(where);
      }
      else if (ack) ui.timer = setTimeout(save, AUTOSAVE_MS); // more was typed meanwhile
      ctx.redraw();
    });
  };
  return html`<form data-testid="notes" @submit=${(e) => { e.preventDefault(); save(); }}>
    <h3><label for="notes">${t('ws.notes')}</label></h3>
    <p id="notes-state" class="muted" aria-live="polite">${writing.length ? t('ws.notesWriting', { names: writing.join(', ') }) : ''}
      ${behind ? t('ws.notesMerged') : ui.dirty ? t('ws.notesUnsaved') : ws.notesVersion ? t('ws.notesSaved') : ''}</p>
    <textarea id="notes" name="notes" rows="6" maxlength="10000" aria-describedby="notes-state" .value=${ui.text}
      @input=${(e) => {
        ui.text = e.target.value;
        ui.dirty = true;
        kept.keep(where, JSON.stringify({ text: ui.text, base: ui.base }));
        clearTimeout(ui.timer);
        ui.timer = setTimeout(save, AUTOSAVE_MS);
      }}
      @blur=${() => save()}></textarea>
    <button type="submit" class="secondary">${t('ws.saveNotes')}</button>
  </form>`;
}

/** Notes typed but not saved before a reload or a lost connection: they come back as unsaved (and then merge). */
function restoredNotes(kept, where) {
  try {
    const saved = JSON.parse(kept.restore(where) ?? 'null');
    if (saved && typeof saved.text === 'string') return { where, text: saved.text, base: saved.base ?? 0, dirty: true };
  } catch (e) { /* nothing usable was kept */ }
  return { where, text: '', base: 0, dirty: false, timer: null };
}

/**
 * After a round, what each group wrote stays readable: the groups this person met in (every group for the lead and
 * organisers), and one report at a time, printable. ui.reports: {key, list, report}.
 */
export function reportsPanel(ctx) {
  if (!ctx.me?.personId || ctx.view.workspace || !['member', 'facilitator', 'organiser'].includes(ctx.me.role)) return '';
  const ui = ctx.ui.reports ||= { key: null, list: null, report: null };
  const key = `${ctx.view.breakouts?.round ?? 0}/${ctx.view.breakouts?.open ?? false}/${ctx.me.audience}`;
  if (ui.key !== key) {
    ui.key = key;
    ctx.connection.send('group-reports', {}).then((ack) => { ui.list = ack?.result?.reports ?? []; ctx.redraw(); },
      () => { ui.list = []; });
  }
  if (!ui.list?.length) return '';
  const open = (r) => ctx.send('group-report', { round: r.round, group: r.group })
    .then((ack) => { if (ack) { ui.report = ack.result; ctx.redraw(); document.getElementById('report-title')?.focus(); } });
  const rounds = (r) => (r.rounds ?? [r.round]).join(', ');
  const report = ui.report;
  return html`<section aria-labelledby="reports-title" data-testid="group-reports">
    <h2 id="reports-title">${t('report.title')}</h2>
    <ul class="report-list">${ui.list.map((r) => html`<li><button type="button" class="secondary"
      aria-pressed=${String(report?.round === r.round && report?.group === r.group)}
      @click=${() => open(r)}>${t('report.item', { group: r.group, rounds: rounds(r) })}</button></li>`)}</ul>
    ${report ? html`<article class="report" data-testid="group-report" aria-labelledby="report-title">
      <h3 id="report-title" tabindex="-1">${t('report.item', { group: report.group, rounds: rounds(report) })}</h3>
      ${report.facilitators.length ? html`<p>${t('breakout.facilitators', { names: report.facilitators.join(', ') })}</p>` : ''}
      <p>${t('report.members', { names: report.members.join(', ') })}</p>
      <h4>${t('ws.notes')}</h4>
      ${report.notes ? html`<p class="announcement-text">${report.notes}</p>` : html`<p class="muted">${t('report.noNotes')}</p>`}
      <h4>${t('ws.ideas')}</h4>
      ${report.cards.length ? html`<ul class="cards">${report.cards.map((c) => html`<li>
        <p class="announcement-text">${c.starred ? html`<span aria-label=${t('report.starred')}>★ </span>` : ''}${c.text}</p>
        ${c.promoted ? html`<p class="muted">${c.published ? t('report.published') : t('ws.promoted')}</p>` : ''}</li>`)}</ul>`
        : html`<p class="muted">${t('report.noCards')}</p>`}
      ${report.chat?.length ? html`<h4>${t('chat.title')}</h4>
      <ol class="chat-report" data-testid="report-chat">${report.chat.map((m) => html`<li><span class="chat-author">${m.name}</span>
        <time datetime=${m.at}>${new Date(m.at).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' })}</time> :
        ${typeof m.hidden === 'string' ? html`<em>${t('chat.hiddenBy', { reason: m.hidden })}</em>` : m.text}</li>`)}</ol>` : ''}
      <button type="button" class="secondary no-print" @click=${printReport}>${t('report.print')}</button>
    </article>` : ''}
  </section>`;
}

/** Prints the report alone (styles.css hides the rest of the page under body.print-report). */
function printReport() {
  document.body.classList.add('print-report');
  window.print();
  document.body.classList.remove('print-report');
}

/** Facilitators and organisers see what is not published yet; the lead and organisers (ctx.steers) act on it. */
export function harvestPanel(ctx) {
  const harvest = ctx.view.harvest;
  const desk = ctx.me?.role === 'organiser' || ctx.me?.role === 'facilitator';
  const send = ctx.steers ? ctx.send : null;
  const items = Object.entries(harvest?.items || {}).sort((a, b) => a[1].order - b[1].order);
  if (items.length === 0) return ''; // help calls are badges on the desk's tiles
  return html`<section aria-labelledby="harvest-title" data-testid="harvest">
    <h2 id="harvest-title">${t('harvest.title')}</h2>
    ${desk && send && items.length > 1 ? html`<form @submit=${(e) => { e.preventDefault();
        // A merge folds one card into another for good: it waits a few seconds, with "Annuler".
        ctx.sendLater(t('harvest.merge.pending'), 'merge-ideas', { intoId: e.target.into.value, fromId: e.target.from.value },
          { near: e.target }); }}>
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
