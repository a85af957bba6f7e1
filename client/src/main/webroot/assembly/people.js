// The roster in the organiser console: who is on it, whether they opened their link, and what organisers do to each
// person — a new link, revoke it, edit, change the role, remove a dropout, download or erase their data.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

const ROLES = ['member', 'facilitator', 'expert', 'observer', 'organiser'];

export function rosterTable(ctx, ui, roster) {
  return html`<h3 id="roster-title">${t('organiser.roster')}</h3>
      <table class="roster" aria-labelledby="roster-title">
        <thead><tr><th scope="col">${t('organiser.col.name')}</th><th scope="col">${t('organiser.col.role')}</th>
          <th scope="col">${t('organiser.col.status')}</th><th scope="col">${t('organiser.phoneOnly')}</th>
          <th scope="col">${t('organiser.col.actions')}</th></tr></thead>
        <tbody>
          ${repeat(roster, (p) => p.id, (p) => html`
            <tr data-testid="roster-row" data-person=${p.id}>
              <th scope="row">${p.name}<br><span class="muted">${p.id}${p.contact ? ' · ' + p.contact : ''}</span></th>
              <td>${roleCell(ctx, ui, p)}</td>
              <td>${status(p)}</td>
              <td>${p.role === 'member' && !p.erased && !p.removed ? phoneOnlyToggle(ctx, p) : ''}</td>
              <td>${actions(ctx, ui, p)}</td>
            </tr>`)}
        </tbody>
      </table>`;
}

function status(p) {
  if (p.erased) return t('organiser.erased');
  if (p.removed) return t('organiser.removed');
  return html`${p.online ? t('presence.online') : t('presence.offline')} · ${p.invited ? t('organiser.invited') : t('organiser.notInvited')}
    ${p.invited && !p.opened ? html`· <strong data-testid="never-opened">${t('organiser.neverOpened')}</strong>` : ''}`;
}

/** A role select for others (one's own role is another organiser's to change). */
function roleCell(ctx, ui, p) {
  if (p.erased || p.removed || p.id === ctx.me?.personId) return t('role.' + p.role);
  const id = `role-${p.id}`;
  return html`<label for=${id} class="visually-hidden">${t('organiser.role.label', { name: p.name })}</label>
    <select id=${id} @change=${(e) => ui.changeRole(p.id, e.target.value, e.target)}>
      ${ROLES.map((r) => html`<option value=${r} ?selected=${r === p.role}>${t('role.' + r)}</option>`)}
    </select>`;
}

function actions(ctx, ui, p) {
  if (p.erased) return '';
  const mine = p.id === ctx.me?.personId;
  return html`
    ${p.removed ? '' : html`<button type="button" @click=${(e) => ui.reissue(p, e.currentTarget)}>${t('organiser.reissue')}</button>`}
    ${p.invited ? html`<button type="button" class="secondary" @click=${(e) => ui.revoke(p, e.currentTarget)}>${t('organiser.revoke')}</button>` : ''}
    ${p.removed ? '' : editForm(ui, p)}
    ${mine || p.removed ? '' : html`<button type="button" class="secondary" data-testid="remove-person"
      aria-label=${t('organiser.remove.label', { name: p.name })}
      @click=${(e) => ui.remove(p, e.currentTarget)}>${t('organiser.remove')}</button>`}
    <a href="/api/assemblies/${ctx.assemblyId}/people/${p.id}/data.json" download
      aria-label=${t('organiser.export.label', { name: p.name })}>${t('organiser.export')}</a>
    ${mine ? '' : html`<button type="button" class="secondary danger" data-testid="erase-person" data-person=${p.id}
      aria-label=${t('organiser.erase.label', { name: p.name })}
      @click=${(e) => ui.erase(p, e.currentTarget)}>${t('organiser.erase')}</button>`}`;
}

function editForm(ui, p) {
  const submit = (e) => {
    e.preventDefault();
    const form = e.target;
    ui.editPerson(p.id, { name: form.name.value.trim(), contact: form.contact.value.trim() }, form);
  };
  return html`<details class="edit-person"><summary aria-label=${t('organiser.edit.label', { name: p.name })}>${t('organiser.edit')}</summary>
    <form @submit=${submit}>
      <label for="edit-name-${p.id}">${t('organiser.add.name')}</label>
      <input id="edit-name-${p.id}" name="name" required maxlength="120" .value=${p.name}>
      <label for="edit-contact-${p.id}">${t('organiser.add.contact')}</label>
      <input id="edit-contact-${p.id}" name="contact" maxlength="200" .value=${p.contact ?? ''}>
      <button type="submit">${t('organiser.edit.button')}</button>
    </form></details>`;
}

/** One more person, without a CSV: their link is shown at once. */
export function addPersonForm(ctx, ui) {
  const submit = (e) => {
    e.preventDefault();
    const f = e.target;
    const person = { id: f.personId.value.trim(), name: f.name.value.trim(), role: f.role.value };
    if (f.contact.value.trim()) person.contact = f.contact.value.trim();
    ui.addPerson(person, f);
  };
  return html`<details class="add-person"><summary>${t('organiser.add')}</summary>
    <form @submit=${submit}>
      <label for="add-id">${t('organiser.add.id')}</label>
      <input id="add-id" name="personId" required maxlength="64" pattern="[A-Za-z0-9._\\-]+" aria-describedby="add-id-help">
      <p class="muted" id="add-id-help">${t('organiser.add.idHelp')}</p>
      <label for="add-name">${t('organiser.add.name')}</label>
      <input id="add-name" name="name" required maxlength="120">
      <label for="add-contact">${t('organiser.add.contact')}</label>
      <input id="add-contact" name="contact" maxlength="200">
      <label for="add-role">${t('organiser.col.role')}</label>
      <select id="add-role" name="role">${ROLES.map((r) => html`<option value=${r}>${t('role.' + r)}</option>`)}</select>
      <button type="submit">${t('organiser.add.button')}</button>
    </form></details>`;
}

/** A member who takes part by telephone only: a toggle (pressed: phone-only), named for the person it changes. */
function phoneOnlyToggle(ctx, p) {
  return html`<button type="button" class="secondary" data-testid="phone-only-toggle" data-person=${p.id}
    aria-pressed=${p.phoneOnly ? 'true' : 'false'}
    aria-label=${t(p.phoneOnly ? 'organiser.phoneOnly.unmark' : 'organiser.phoneOnly.mark', { name: p.name })}
    @click=${(e) => ctx.send('mark-phone-only', { personId: p.id, phoneOnly: !p.phoneOnly }, { near: e.currentTarget })}>
    <span aria-hidden="true">${p.phoneOnly ? '☎ ' : ''}</span>${p.phoneOnly ? t('organiser.phoneOnly.yes') : t('organiser.phoneOnly.no')}</button>`;
}
