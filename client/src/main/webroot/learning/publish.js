// Publishing learning materials: organisers make modules, name the experts who may publish in each, and add, edit
// or withdraw items; a named expert does the same with the items of their modules (docs/learning.md, "Materials").
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { locale } from './format.js';
import { memory, focusSoon } from './staff-shared.js';
import { itemForm, newItemDraft, itemDraftOf } from './item-form.js';

/** When an item opens, in words. */
export function opensText(ctx, opens) {
  if (opens?.at) {
    const when = new Date(opens.at).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    return t('learn.staff.opens.at', { when });
  }
  if (opens?.phase) return t('learn.staff.opens.phase', { phase: t('phase.' + opens.phase) });
  if (opens?.session) {
    const session = (ctx.view.learning?.agenda || []).find((s) => s.id === opens.session);
    return t('learn.staff.opens.session', { session: session?.title ?? opens.session });
  }
  return t('learn.staff.opens.now');
}

export function publishPanel(ctx) {
  const role = ctx.me?.role;
  const organiser = role === 'organiser';
  if (!organiser && role !== 'expert') return '';
  const modules = (ctx.view.learning?.modules || [])
    .filter((m) => organiser || (m.authors || []).includes(ctx.me.personId));
  if (!organiser && !modules.length) return '';
  const state = memory(ctx, 'publish', () => ({ editing: null, status: '' }));
  const creating = state.editing?.type === 'module' && !state.editing.id;
  return html`<section aria-labelledby="learn-publish-title" class="learn-staff" data-testid="learn-publish">
    <h2 id="learn-publish-title" tabindex="-1">${t('learn.staff.publish.title')}</h2>
    <p class="muted">${organiser ? t('learn.staff.publish.help') : t('learn.staff.publish.helpExpert')}</p>
    <p role="status" class="learn-status" data-testid="learn-publish-status">${state.status}</p>
    ${modules.length ? '' : html`<p>${t('learn.staff.publish.none')}</p>`}
    ${repeat(modules, (m) => m.id, (m) => moduleBlock(ctx, state, m, organiser))}
    ${organiser ? (creating ? moduleForm(ctx, state, null)
      : html`<button type="button" id="learn-new-module" @click=${() => {
        state.editing = { type: 'module', id: null };
        ctx.redraw();
        focusSoon('learn-module-title');
      }}>${t('learn.staff.module.new')}</button>`) : ''}
  </section>`;
}

function authorNames(ctx, m) {
  const names = (m.authors || []).map((id) => ctx.view.roster?.[id]?.name ?? id);
  return names.length ? t('learn.staff.module.authors', { names: names.join(', ') }) : t('learn.staff.module.noAuthors');
}

function moduleBlock(ctx, state, m, organiser) {
  const editingModule = state.editing?.type === 'module' && state.editing.id === m.id;
  const addingHere = state.editing?.type === 'item' && state.editing.moduleId === m.id && !state.editing.itemId;
  const open = (editing, focus) => () => {
    state.editing = editing;
    state.status = '';
    ctx.redraw();
    focusSoon(focus);
  };
  return html`<article class="learn-module" aria-labelledby="learn-module-${m.id}" data-testid="learn-module">
    <h3 id="learn-module-${m.id}" tabindex="-1">${m.title}</h3>
    <p class="muted">${m.public ? t('learn.staff.module.public') : t('learn.staff.module.private')} · ${authorNames(ctx, m)}</p>
    ${m.summary ? html`<p class="learn-summary">${m.summary}</p>` : ''}
    ${organiser ? (editingModule ? moduleForm(ctx, state, m) : html`<button type="button" class="secondary"
        id="learn-edit-module-${m.id}" aria-label=${t('learn.staff.module.editLabel', { title: m.title })}
        @click=${open({ type: 'module', id: m.id }, 'learn-module-title')}>${t('learn.staff.module.edit')}</button>`) : ''}
    ${m.items?.length ? html`<ul class="learn-items">${repeat(m.items, (item) => item.id, (item) => itemRow(ctx, state, m, item))}</ul>`
      : html`<p class="muted">${t('learn.staff.items.none')}</p>`}
    ${addingHere ? itemForm(ctx, state, m)
      : html`<button type="button" id="learn-add-item-${m.id}" data-testid="learn-add-item"
          @click=${open({ type: 'item', moduleId: m.id, itemId: null, draft: newItemDraft() }, 'learn-item-title')}>
          ${t('learn.staff.item.add', { title: m.title })}</button>`}
  </article>`;
}

function itemRow(ctx, state, m, item) {
  const editing = state.editing?.type === 'item' && state.editing.itemId === item.id;
  const facts = [t('learn.staff.kind.' + item.kind), opensText(ctx, item.opens),
    item.public ? t('learn.staff.item.public') : t('learn.staff.item.private')];
  if (item.task) facts.push(t('learn.staff.task.' + item.task.kind));
  const withdraw = (e) => ctx.sendLater(t('learn.staff.item.withdrawPending', { title: item.title }), 'withdraw-item',
    { itemId: item.id }, { near: e.currentTarget }).then((ack) => {
    if (!ack) return;
    state.status = t('learn.staff.item.withdrawn', { title: item.title });
    ctx.redraw();
    focusSoon(`learn-module-${m.id}`);
  });
  return html`<li class="learn-item" data-testid="learn-item" data-item=${item.id}>
    <p class="learn-item-title"><strong>${item.title}</strong>${item.speaker ? html` · ${item.speaker}` : ''}</p>
    <p class="muted">${facts.join(' · ')}</p>
    ${editing ? itemForm(ctx, state, m) : html`<div class="controls-row">
      <button type="button" class="secondary" id="learn-edit-${item.id}" aria-label=${t('learn.staff.item.editLabel', { title: item.title })}
        @click=${() => {
          state.editing = { type: 'item', moduleId: m.id, itemId: item.id, draft: itemDraftOf(item) };
          state.status = '';
          ctx.redraw();
          focusSoon('learn-item-title');
        }}>${t('learn.staff.item.edit')}</button>
      <button type="button" class="secondary" aria-label=${t('learn.staff.item.withdrawLabel', { title: item.title })}
        @click=${withdraw}>${t('learn.staff.item.withdraw')}</button>
    </div>`}
  </li>`;
}

function moduleForm(ctx, state, m) {
  const experts = Object.entries(ctx.view.roster || {}).filter(([, p]) => p.role === 'expert');
  const authors = new Set(m?.authors || []);
  const cancel = () => {
    state.editing = null;
    ctx.redraw();
    focusSoon(m ? `learn-edit-module-${m.id}` : 'learn-new-module');
  };
  const submit = async (e) => {
    e.preventDefault();
    const form = e.target;
    const args = {
      title: form.elements.title.value.trim(),
      summary: form.elements.summary.value.trim() || undefined,
      public: form.elements.public.checked,
      authors: [...form.querySelectorAll('input[name=author]:checked')].map((box) => box.value),
    };
    if (m) args.moduleId = m.id;
    const ack = await ctx.send('publish-module', args, { near: form });
    if (!ack) return;
    state.editing = null;
    state.status = t('learn.staff.module.saved', { title: args.title });
    ctx.redraw();
    focusSoon(`learn-module-${ack.result?.moduleId ?? m?.id}`, 'learn-publish-title');
  };
  return html`<form class="learn-form" data-testid="learn-module-form" @submit=${submit}>
    <h4>${m ? t('learn.staff.module.editTitle') : t('learn.staff.module.newTitle')}</h4>
    <label for="learn-module-title">${t('learn.staff.module.titleLabel')}</label>
    <input id="learn-module-title" name="title" required maxlength="200" .value=${m?.title ?? ''}>
    <label for="learn-module-summary">${t('learn.staff.module.summary')}</label>
    <textarea id="learn-module-summary" name="summary" rows="3" maxlength="2000" .value=${m?.summary ?? ''}></textarea>
    <label class="choice"><input type="checkbox" name="public" .checked=${Boolean(m?.public)}> ${t('learn.staff.module.publicLabel')}</label>
    <fieldset><legend>${t('learn.staff.module.experts')}</legend>
      ${experts.length ? experts.map(([id, p]) => html`<label class="choice">
        <input type="checkbox" name="author" value=${id} .checked=${authors.has(id)}> ${p.name}</label>`)
        : html`<p class="muted">${t('learn.staff.module.noExperts')}</p>`}
    </fieldset>
    <div class="controls-row">
      <button type="submit">${t('learn.staff.module.save')}</button>
      <button type="button" class="secondary" @click=${cancel}>${t('learn.staff.cancel')}</button>
    </div>
  </form>`;
}
