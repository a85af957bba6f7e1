// An organisation's pages: /o/<org> lists its public assemblies for anyone; /o/<org>/admin is its administrators'
// console (their link set a cookie): its assemblies, a new one, opening one as an organiser, more administrators.
import { html, render } from '../lib/html.js';
import { t, addStrings, errorText } from '../i18n/i18n.js';
import { languageButton } from '../lib/language-button.js';
import strings from './strings.js';
import assemblyStrings from '../assembly/strings.js';

addStrings('assembly', assemblyStrings);
addStrings('org', strings);

const [, orgId, adminPath] = location.pathname.match(/^\/o\/([a-z0-9-]+)(\/admin)?/) || [];
const root = document.getElementById('app');
const state = { data: null, error: null, created: null, newAdmin: null, removed: null, problem: null };

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({ code: 'internal' }));
  return response.ok ? json : Promise.reject(json);
}

async function load() {
  try {
    state.data = await call('GET', adminPath ? `/api/organisations/${orgId}` : `/api/organisations/${orgId}/public`);
    state.error = null;
  } catch (error) {
    state.error = error;
  }
  draw();
}

function dates(a) {
  if (!a.startsOn) return '';
  return t('org.dates', { from: a.startsOn, to: a.endsOn ?? a.startsOn });
}

function publicList(data) {
  return html`<section aria-labelledby="public-title" class="card">
    <h2 id="public-title">${t('org.public.list')}</h2>
    ${data.assemblies.length === 0 ? html`<p>${t('org.public.none')}</p>` : html`<ul class="org-assemblies">
      ${data.assemblies.map((a) => html`<li><a href="/a/${a.id}" aria-label=${t('org.follow', { title: a.title })}>${a.title}</a>
        <span class="muted">${t('org.phase', { phase: t('phase.' + a.phase) })} ${dates(a)}
        ${a.languages.length ? '· ' + t('org.languages', { list: a.languages.join(', ') }) : ''}</span></li>`)}
    </ul>`}
  </section>`;
}

async function openAs(a, button) {
  try {
    const { link } = await call('POST', `/api/organisations/${orgId}/assemblies/${a.id}/organiser-link`, {});
    location.assign(link);
  } catch (error) {
    state.problem = error;
    draw();
    button.focus();
  }
}

async function create(e) {
  e.preventDefault();
  const f = e.target;
  const languages = [...f.querySelectorAll('input[name=language]:checked')].map((c) => c.value);
  const body = { title: f.title.value.trim(), question: f.question.value.trim(), public: f.isPublic.checked, languages,
    startsOn: f.startsOn.value || null, endsOn: f.endsOn.value || null };
  // Only what differs from the hub's defaults is sent: the assembly then says nothing it need not.
  const video = { calls: f.calls.checked, camera: f.camera.checked, microphone: f.microphone.checked };
  if (!video.calls || !video.camera || !video.microphone) body.video = video;
  const rule = { threshold: f.threshold.value, quorum: f.quorum.value === 'none' ? null : f.quorum.value, base: f.base.value };
  if (rule.threshold !== '4/5' || rule.quorum !== '2/3' || rule.base !== 'valid-votes') body.ballotRule = rule;
  try {
    const made = await call('POST', `/api/organisations/${orgId}/assemblies`, body);
    state.created = { title: body.title };
    state.problem = null;
    draw();
    location.assign(made.organiserLink);
  } catch (error) {
    state.problem = error;
    draw();
  }
}

/** A new link for an administrator (oneself included): shown once; their old link stops working. */
async function newAdminLink(admin) {
  try {
    const made = await call('POST', `/api/organisations/${orgId}/admins/${admin.id}/link`, {});
    state.newAdmin = { name: admin.name, link: made.adminLink };
    state.problem = null;
  } catch (error) {
    state.problem = error;
  }
  draw();
}

/** Removing an administrator also ends their organiser seats; asked for confirmation first. */
async function removeAdmin(admin) {
  if (!confirm(t('org.admin.remove.confirm', { name: admin.name }))) return;
  try {
    const done = await call('DELETE', `/api/organisations/${orgId}/admins/${admin.id}`);
    state.removed = { name: admin.name, left: done.seatsLeft ?? [] };
    state.problem = null;
    state.newAdmin = null;
    await load();
  } catch (error) {
    state.problem = error;
    draw();
  }
}

async function addAdmin(e) {
  e.preventDefault();
  const f = e.target;
  try {
    const made = await call('POST', `/api/organisations/${orgId}/admins`, { name: f.adminName.value.trim() });
    state.newAdmin = { name: f.adminName.value.trim(), link: made.adminLink };
    state.problem = null;
    f.reset();
    await load();
  } catch (error) {
    state.problem = error;
    draw();
  }
}

function adminConsole(data) {
  return html`
    <p>${t('org.admin.you', { name: data.you, org: data.name })} <a href="/o/${orgId}">${t('org.publicPage')}</a></p>
    ${state.problem ? html`<p role="alert" class="field-error" data-testid="org-problem">${errorText(state.problem)}</p>` : ''}
    ${state.created ? html`<p role="status">${t('org.admin.created', state.created)}</p>` : ''}
    <section aria-labelledby="assemblies-title" class="card">
      <h2 id="assemblies-title">${t('org.admin.assemblies')}</h2>
      ${data.assemblies.length === 0 ? html`<p>${t('org.admin.noAssembly')}</p>` : html`<ul class="org-assemblies" data-testid="org-assemblies">
        ${data.assemblies.map((a) => html`<li><strong>${a.title}</strong>
          <span class="muted">${a.public ? t('org.admin.public') : t('org.admin.private')} · ${t('phase.' + a.phase)} ${dates(a)}</span>
          <button type="button" @click=${(e) => openAs(a, e.currentTarget)}>${t('org.admin.open', { title: a.title })}</button></li>`)}
      </ul>`}
    </section>
    <section aria-labelledby="create-title" class="card">
      <h2 id="create-title">${t('org.admin.create')}</h2>
      <form @submit=${create} data-testid="create-assembly">
        <label for="new-title">${t('org.admin.title.label')}</label>
        <input id="new-title" name="title" required maxlength="200">
        <label for="new-question">${t('org.admin.question')}</label>
        <textarea id="new-question" name="question" rows="2" maxlength="2000"></textarea>
        <label class="choice"><input type="checkbox" name="isPublic"> ${t('org.admin.isPublic')}</label>
        <fieldset><legend>${t('org.admin.languages')}</legend>
          <label class="choice"><input type="checkbox" name="language" value="fr" checked> Français</label>
          <label class="choice"><input type="checkbox" name="language" value="en" lang="en"> English</label>
        </fieldset>
        <label for="new-starts">${t('org.admin.startsOn')}</label>
        <input id="new-starts" name="startsOn" type="date">
        <label for="new-ends">${t('org.admin.endsOn')}</label>
        <input id="new-ends" name="endsOn" type="date">
        <fieldset><legend>${t('org.admin.video')}</legend>
          <label class="choice"><input type="checkbox" name="calls" checked> ${t('org.admin.video.calls')}</label>
          <label class="choice"><input type="checkbox" name="camera" checked> ${t('org.admin.video.camera')}</label>
          <label class="choice"><input type="checkbox" name="microphone" checked> ${t('org.admin.video.microphone')}</label>
        </fieldset>
        <fieldset><legend>${t('org.admin.ballots')}</legend>
          <p class="muted" id="ballots-help">${t('org.admin.ballots.help')}</p>
          <label for="new-threshold">${t('org.admin.ballots.threshold')}</label>
          <select id="new-threshold" name="threshold" aria-describedby="ballots-help">
            ${['4/5', '3/4', '2/3', '3/5', '1/2'].map((v) => html`<option value=${v} ?selected=${v === '4/5'}>${v}</option>`)}
          </select>
          <label for="new-base">${t('org.admin.ballots.base')}</label>
          <select id="new-base" name="base">
            ${['valid-votes', 'ballots-cast', 'all-members'].map((v) => html`<option value=${v}>${t('org.admin.ballots.base.' + v)}</option>`)}
          </select>
          <label for="new-quorum">${t('org.admin.ballots.quorum')}</label>
          <select id="new-quorum" name="quorum">
            ${['2/3', '1/2', 'none'].map((v) => html`<option value=${v}>${v === 'none' ? t('org.admin.ballots.noQuorum') : v}</option>`)}
          </select>
        </fieldset>
        <button type="submit">${t('org.admin.create.button')}</button>
      </form>
    </section>
    <section aria-labelledby="admins-title" class="card">
      <h2 id="admins-title">${t('org.admin.admins')}</h2>
      <ul class="org-admins" data-testid="org-admins">${data.admins.map((a) => html`<li data-admin=${a.id}>${a.name}
        ${a.id === data.youId ? html`<span class="muted">${t('org.admin.itsYou')}</span>` : ''}
        <button type="button" class="secondary" @click=${() => newAdminLink(a)}
          aria-label=${t('org.admin.newLink.for', { name: a.name })}>${t('org.admin.newLink')}</button>
        ${a.id === data.youId ? '' : html`<button type="button" class="secondary" data-testid="remove-admin"
          @click=${() => removeAdmin(a)} aria-label=${t('org.admin.remove.for', { name: a.name })}>${t('org.admin.remove')}</button>`}</li>`)}</ul>
      ${state.removed ? html`<p role="status" data-testid="admin-removed">${t('org.admin.removed', { name: state.removed.name })}
        ${state.removed.left.length ? t('org.admin.seatsLeft', { list: state.removed.left.join(', ') }) : ''}</p>` : ''}
      ${state.newAdmin ? html`<p role="status">${t('org.admin.newAdmin', { name: state.newAdmin.name })}
        <input class="link" readonly .value=${state.newAdmin.link} aria-label=${state.newAdmin.name}></p>` : ''}
      <form @submit=${addAdmin}>
        <h3>${t('org.admin.addAdmin')}</h3>
        <label for="admin-name">${t('org.admin.adminName')}</label>
        <input id="admin-name" name="adminName" required maxlength="120">
        <button type="submit">${t('org.admin.addAdmin.button')}</button>
      </form>
    </section>`;
}

function draw() {
  const data = state.data;
  document.title = data ? `${data.name} · ${t('app.name')}` : t('app.name');
  render(html`
    <header class="top">
      <div><p class="brand">${t('app.name')}</p><h1>${data?.name ?? ''}${adminPath ? html` — ${t('org.admin.title')}` : ''}</h1></div>
      <div class="controls">${languageButton(draw)}</div>
    </header>
    <main id="main">
      ${state.error ? html`<p role="alert" data-testid="org-error">${state.error.code === 'admin-required'
        ? t('org.admin.signIn') : errorText(state.error)}</p>` : ''}
      ${data ? (adminPath ? adminConsole(data) : publicList(data)) : ''}
    </main>`, root);
}

load();
