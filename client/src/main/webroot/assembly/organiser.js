// The organiser console: phase, announcements, roster import and invitation links.
import { html, repeat } from '../lib/html.js';
import { t, errorText } from '../i18n/i18n.js';
import { rosterTable, addPersonForm } from './people.js';

const PHASES = ['onboarding', 'learning', 'deliberation', 'decision', 'closed'];

/**
 * The phase for the lead facilitator, in the steering strip (organisers have it in their console): the script moves
 * it when a session starts; the lead may move it too (closing the assembly stays with organisers).
 */
export function leadPhaseControl(ctx) {
  if (!ctx.steers || ctx.me?.role === 'organiser' || !ctx.view.phase) return '';
  return html`<form class="controls-row lead-phase" data-testid="lead-phase" @submit=${(e) => {
      e.preventDefault();
      ctx.send('change-phase', { phase: e.target.phase.value }, { near: e.target });
    }}>
    <label for="lead-phase-select">${t('organiser.phase')}</label>
    <select id="lead-phase-select" name="phase">
      ${PHASES.filter((p) => p !== 'closed').map((p) => html`<option value=${p} ?selected=${p === ctx.view.phase}>${t('phase.' + p)}</option>`)}
    </select>
    <button type="submit" class="secondary">${t('organiser.phase.button')}</button>
  </form>`;
}

/** What the console's forms and buttons do; what they brought back (links, problems) is kept in ctx.ui. */
function organiserActions({ assemblyId, ui: kept, send, sendLater, redraw }) {
  const upload = async (what, type, file) => {
    const response = await fetch(`/api/assemblies/${assemblyId}/${what}`, {
      method: 'POST', headers: { 'Content-Type': type }, body: await file.text(), credentials: 'same-origin',
    });
    return response.json();
  };
  return {
    get imported() { return kept.imported; },
    get newLink() { return kept.newLink; },
    get script() { return kept.script; },
    changePhase: (phase, form) => send('change-phase', { phase }, { near: form }),
    announce: (text, form) => send('announce', { text }, { near: form }).then((ack) => ack && form.reset()),
    // A new link stops the old one at once, a revoked link too: both wait a few seconds, with "Undo".
    reissue: (person, near) => sendLater(t('organiser.reissue.pending', { name: person.name }), 'reissue-invitation',
      { personId: person.id }, { near }).then((ack) => {
      if (!ack) return;
      // Sealed for the delivery officer: the organiser gets a file to pass on, never the link.
      kept.newLink = ack.result.sealed
        ? { name: person.name, sealed: { ...ack.result.sealed, publicUrl: location.origin, people: [{ id: person.id, name: person.name }] } }
        : { name: person.name, link: `${location.origin}/join/${ack.result.token}` };
      redraw();
    }),
    revoke: (person, near) => sendLater(t('organiser.revoke.pending', { name: person.name }), 'revoke-invitation',
      { personId: person.id }, { near }),
    // Erasure cannot be undone once it is sent: the few seconds with "Undo" are the only way back.
    erase: (person, near) => sendLater(t('organiser.erase.pending', { name: person.name }), 'erase-person',
      { personId: person.id }, { near }),
    attachScript: async (file) => {
      if (!file) return;
      kept.script = await upload('script', 'text/yaml', file);
      redraw();
    },
    appointLead: (personId, form) => send('appoint-lead', { personId }, { near: form }),
    /** One person added from the console: their link (or the sealed file) is shown like a new link. */
    addPerson: (person, form) => send('import-roster', { people: [person] }, { near: form }).then((ack) => {
      if (!ack) return;
      form.reset();
      kept.newLink = ack.result.sealed
        ? { name: person.name, sealed: { ...ack.result.sealed, publicUrl: location.origin, people: [{ id: person.id, name: person.name }] } }
        : { name: person.name, link: `${location.origin}/join/${ack.result.tokens[person.id]}` };
      redraw();
    }),
    editPerson: (personId, changes, form) => send('edit-person', { personId, ...changes }, { near: form }),
    changeRole: (personId, role, near) => send('change-role', { personId, role }, { near }),
    remove: (person, near) => sendLater(t('organiser.remove.pending', { name: person.name }), 'remove-person',
      { personId: person.id }, { near }),
    importRoster: async (file) => {
      if (!file) return;
      kept.imported = await upload('roster', 'text/csv', file);
      redraw();
    },
  };
}

export function organiserConsole(ctx) {
  const view = ctx.view;
  const ui = organiserActions(ctx);
  const roster = Object.entries(view.roster || {}).map(([id, p]) => ({ id, ...p }));
  return html`
    <section aria-labelledby="organiser-title" class="console">
      <h2 id="organiser-title">${t('organiser.title')}</h2>

      <form @submit=${(e) => { e.preventDefault(); ui.changePhase(e.target.phase.value, e.target); }}>
        <h3>${t('organiser.phase')}</h3>
        <label for="phase-select" class="visually-hidden">${t('organiser.phase')}</label>
        <select id="phase-select" name="phase">
          ${PHASES.map((p) => html`<option value=${p} ?selected=${p === view.phase}>${t('phase.' + p)}</option>`)}
        </select>
        <button type="submit">${t('organiser.phase.button')}</button>
      </form>

      <form @submit=${(e) => { e.preventDefault(); ui.announce(e.target.text.value, e.target); }}>
        <h3>${t('organiser.announce')}</h3>
        <label for="announce-text">${t('organiser.announce.label')}</label>
        <textarea id="announce-text" name="text" rows="3" maxlength="1000" required></textarea>
        <button type="submit">${t('organiser.announce.button')}</button>
      </form>

      <form @submit=${(e) => { e.preventDefault(); ui.attachScript(e.target.file.files[0]); }}>
        <h3 id="script-title">${t('organiser.script')}</h3>
        <p class="muted" id="script-help">${view.session?.script ? view.session.script.title + ' · ' : ''}${t('organiser.script.help')}</p>
        <input type="file" name="file" accept=".yaml,.yml,text/yaml" required aria-labelledby="script-title" aria-describedby="script-help">
        <button type="submit">${t('organiser.script.button')}</button>
      </form>
      ${scriptResult(ui.script)}
      ${attendance(ctx, view)}

      <form @submit=${(e) => { e.preventDefault(); ui.appointLead(e.target.lead.value, e.target); }}>
        <h3>${t('organiser.lead')}</h3>
        ${view.session?.lead ? html`<p class="muted">${t('organiser.lead.current', { name: view.roster?.[view.session.lead]?.name ?? view.session.lead })}</p>` : ''}
        <label for="lead-select" class="visually-hidden">${t('organiser.lead')}</label>
        <select id="lead-select" name="lead">
          ${roster.filter((p) => p.role === 'facilitator' || p.role === 'organiser')
            .map((p) => html`<option value=${p.id} ?selected=${p.id === view.session?.lead}>${p.name}</option>`)}
        </select>
        <button type="submit">${t('organiser.lead.button')}</button>
      </form>

      <form @submit=${(e) => { e.preventDefault(); ctx.send('set-retention', { until: e.target.until.value }, { near: e.target.until }); }}>
        <h3 id="retention-title">${t('organiser.retention')}</h3>
        <p class="muted" id="retention-help">${view.assembly.personalDataKeptUntil
          ? t('organiser.retention.now', { day: view.assembly.personalDataKeptUntil }) : t('organiser.retention.none')}</p>
        <label for="retention-day">${t('organiser.retention.label')}</label>
        <input id="retention-day" name="until" type="date" aria-describedby="retention-help"
          .value=${view.assembly.personalDataKeptUntil ?? ''}>
        <button type="submit">${t('organiser.retention.button')}</button>
      </form>

      <form @submit=${(e) => { e.preventDefault(); ui.importRoster(e.target.file.files[0]); }}>
        <h3 id="import-title">${t('organiser.import')}</h3>
        <p class="muted" id="import-help">${t('organiser.import.help')}</p>
        <input type="file" name="file" accept=".csv,text/csv" required aria-labelledby="import-title" aria-describedby="import-help">
        <button type="submit">${t('organiser.import.button')}</button>
      </form>
      ${importResult(ui.imported)}
      ${ui.newLink?.sealed ? html`<p role="status">${t('organiser.sealed.newLink', { name: ui.newLink.name })}
          ${sealedDownload(ui.newLink.sealed, `invitation-${ui.newLink.name}`)}</p>`
        : ui.newLink ? html`<p role="status">${t('organiser.newLink', { name: ui.newLink.name })}
          <input class="link" readonly .value=${ui.newLink.link} aria-label=${ui.newLink.name}></p>` : ''}

      ${addPersonForm(ctx, ui)}
      ${rosterTable(ctx, ui, roster)}
    </section>`;
}

/** The attendance report as CSV: every session held, or one of the script's (organisers only, never cached). */
function attendance(ctx, view) {
  const sessions = Object.entries(view.session?.script?.sessions || {}).sort((a, b) => a[1].order - b[1].order);
  const base = `/api/assemblies/${encodeURIComponent(ctx.assemblyId)}`;
  return html`<h3 id="attendance-title">${t('organiser.attendance')}</h3>
    <p class="muted">${t('organiser.attendance.help')}</p>
    <ul class="links" aria-labelledby="attendance-title">
      <li><a href="${base}/attendance.csv" download data-testid="attendance-all">${t('organiser.attendance.all')}</a></li>
      ${sessions.map(([id, s]) => html`<li><a href="${base}/sessions/${encodeURIComponent(id)}/attendance.csv" download
        >${t('organiser.attendance.session', { title: s.title })}</a></li>`)}
    </ul>`;
}

function scriptResult(result) {
  if (!result) return '';
  if (result.problems) {
    return html`<div role="alert"><p>${t('organiser.script.failed')}</p><ul>
      ${result.problems.map((p) => html`<li>${p.line > 0 ? t('organiser.line', { n: p.line }) + ' — ' : ''}${p.where ? p.where + ' : ' : ''}${p.message}</li>`)}</ul></div>`;
  }
  if (result.sessions) return html`<p role="status">${t('organiser.script.done', { n: result.sessions })}</p>`;
  return html`<p role="alert" class="field-error">${errorText(result)}</p>`;
}

function importResult(result) {
  if (!result) return '';
  if (result.problems) {
    return html`<div role="alert"><p>${t('organiser.import.failed')}</p><ul>
      ${result.problems.map((p) => html`<li>${p.line > 0 ? t('organiser.line', { n: p.line }) + ' — ' : ''}${p.message}</li>`)}</ul></div>`;
  }
  if (result.sealed) {
    return html`<div role="status"><p>${t('organiser.sealed.done', { n: result.imported, key: result.sealed.for })}</p>
      ${sealedDownload(result.sealed, 'invitations')}</div>`;
  }
  if (result.people) {
    return html`<div role="status"><p>${t('organiser.import.done', { n: result.imported })}</p><ul class="links">
      ${result.people.map((p) => html`<li>${p.name} (${t('role.' + p.role)}): <input class="link" readonly .value=${p.link} aria-label=${p.name}></li>`)}
      </ul></div>`;
  }
  return html`<p role="alert" class="field-error">${errorText(result)}</p>`;
}

const sealedFiles = new WeakMap();

/** The sealed invitations as a file to give the delivery officer (only their key opens it); one file per answer. */
function sealedDownload(sealed, name) {
  if (!sealedFiles.has(sealed)) sealedFiles.set(sealed, URL.createObjectURL(new Blob([JSON.stringify(sealed, null, 2)], { type: 'application/json' })));
  return html`<a href=${sealedFiles.get(sealed)} download=${name + '-sealed.json'} data-testid="sealed-download">${t('organiser.sealed.download')}</a>`;
}
