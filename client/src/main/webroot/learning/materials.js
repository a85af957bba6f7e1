// The materials: modules and their items (talks, readings, links), each with when it opens, what it is to be
// prepared for, whether this person has done it, and its task. Observers see the public items only (the view says so).
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { dayAndTime, durationText, sizeText } from './format.js';
import { learns, isDone, refreshMine, updateMine, state } from './mine.js';
import { itemAnchor, fileUrl, hashOf } from './items.js';
import { talk } from './player.js';
import { renderedPage } from './pages.js';
import { taskForm } from './tasks.js';

function sessionTitle(ctx, sessionId) {
  return ctx.view?.learning?.agenda?.find((s) => s.id === sessionId)?.title ?? sessionId;
}

/** When a locked item opens: at a date, with a phase, or with a session. */
function opensText(ctx, item) {
  const opens = item.opens ?? {};
  const at = opens.at ?? item.opensAt;
  if (at) return t('learn.opens.at', { when: dayAndTime(at, ctx.now) });
  if (opens.phase) return t('learn.opens.phase', { phase: t('phase.' + opens.phase) });
  if (opens.session) return t('learn.opens.session', { session: sessionTitle(ctx, opens.session) });
  return t('learn.opens.later');
}

function isPdf(file) {
  return file?.mediaType === 'application/pdf';
}

function reading(ctx, item) {
  const hash = hashOf(item.file);
  if (hash && isPdf(item.file)) {
    const facts = [sizeText(item.file.bytes ?? 0), item.file.pages ? (item.file.pages === 1 ? t('learn.reading.page') : t('learn.reading.pages', { n: item.file.pages })) : ''].filter(Boolean);
    return html`<p><a href=${fileUrl(ctx, hash)} target="_blank" rel="noopener" data-testid="learn-pdf">${t('learn.reading.pdf')}<span
      class="visually-hidden"> (${t('learn.newTab')})</span></a>
      <span class="muted">(${[...facts, t('learn.newTab')].join(', ')})</span></p>`;
  }
  if (hash) return renderedPage(ctx, hash, 'learn-reading');
  return link(item);
}

function hostOf(url) {
  try {
    return new URL(url, location.href).host;
  } catch (e) {
    return '';
  }
}

function link(item) {
  return item.url ? html`<p><a href=${item.url} target="_blank" rel="noopener noreferrer">${t('learn.link.open')}<span
    class="visually-hidden"> (${t('learn.newTab')})</span></a>
    <span class="muted">(${[hostOf(item.url), t('learn.newTab')].filter(Boolean).join(', ')})</span></p>` : '';
}

/** One button whose words change, so that focus stays on it after the action. */
function doneButton(ctx, item) {
  const done = isDone(ctx, item.id);
  const toggle = (e) => {
    const button = e.currentTarget;
    ctx.send('mark-done', { itemId: item.id, done: !done, how: 'explicit' }, { near: button }).then((ack) => {
      if (!ack) return;
      state(ctx).said = { id: item.id, text: done ? t('learn.notDone.state') : t('learn.done.state') };
      updateMine(ctx, (mine) => ({ ...mine, done: done ? mine.done.filter((id) => id !== item.id) : [...new Set([...mine.done, item.id])] }));
      refreshMine(ctx);
      ctx.redraw();
    });
  };
  return html`<div class="lm-done-row">
    <p class=${'lm-state ' + (done ? 'done' : '')} data-testid="learn-done-state" data-done=${done}>
      ${done ? html`<span aria-hidden="true">✓ </span>${t('learn.done.state')}` : t('learn.notDone.state')}</p>
    <p role="status" class="visually-hidden">${state(ctx).said?.id === item.id ? state(ctx).said.text : ''}</p>
    <button type="button" class="secondary" data-testid="learn-done-button" @click=${toggle}>${done ? t('learn.done.undo') : t('learn.done.mark')}</button>
  </div>`;
}

function facts(ctx, item) {
  const parts = [t('learn.kind.' + item.kind)];
  if (item.speaker) parts.push(item.speaker);
  if (item.durationSeconds) parts.push(durationText(item.durationSeconds));
  return html`<p class="muted lm-facts">${parts.join(' · ')}${item.prepareFor
    ? html`<br><strong>${t('learn.prepareFor', { session: sessionTitle(ctx, item.prepareFor) })}</strong>` : ''}</p>`;
}

function content(ctx, item, learner) {
  if (item.kind === 'talk') return talk(ctx, item, learner);
  if (item.kind === 'reading') return reading(ctx, item);
  return link(item);
}

function itemView(ctx, item, learner) {
  const locked = item.open === false;
  return html`<li class=${'lm-item' + (locked ? ' locked' : '')} id=${itemAnchor(item.id)} data-testid="learn-item" data-item=${item.id} tabindex="-1">
    <h4>${item.title}</h4>
    ${facts(ctx, item)}
    ${locked ? html`<p class="lm-locked" data-testid="learn-locked">${opensText(ctx, item)}</p>` : html`
      ${content(ctx, item, learner)}
      ${learner ? doneButton(ctx, item) : ''}
      ${learner ? taskForm(ctx, item) : ''}`}
  </li>`;
}

export function materialsPanel(ctx) {
  const modules = ctx.view?.learning?.modules;
  if (!Array.isArray(modules) || modules.length === 0) return '';
  const learner = learns(ctx.me);
  return html`<section aria-labelledby="lm-materials-title" class="lm-materials" data-testid="learn-materials">
    <h2 id="lm-materials-title">${t('learn.materials.title')}</h2>
    ${repeat(modules, (m) => m.id, (module) => html`<article class="lm-module" data-testid="learn-module">
      <h3>${module.title}</h3>
      ${module.summary ? html`<p class="lm-summary">${module.summary}</p>` : ''}
      ${(module.items ?? []).length ? html`<ul class="lm-items">${repeat(module.items, (i) => i.id, (item) => itemView(ctx, item, learner))}</ul>`
        : html`<p class="muted">${t('learn.materials.empty')}</p>`}
    </article>`)}
  </section>`;
}
