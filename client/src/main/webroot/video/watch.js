// Watching the plenary without taking part: the observer's section (the live stream the organisers set, or why there
// is no picture; links to everything public: drafts put to a vote, harvest, answered questions, results, ballot
// records, open data), and the organisers' form to set the stream. Observers never send sound or picture: with the
// built-in mesh they are in no call at all; with Jitsi they watch as visitors (call.js, jitsi.js).
import { html } from '../lib/html.js';
import { t, language } from '../i18n/i18n.js';
import { watchesOnly } from './call.js';

/** A short, stable tag of the stream's address: the frame reloads (and its page's policy follows) when it changes. */
function tag(text) {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.codePointAt(0)) | 0;
  return (h >>> 0).toString(36);
}

function streamFrame(assembly, stream) {
  return html`<div class="watch-stream">
    <iframe data-testid="watch-stream" src="/stream/${assembly}?lang=${language()}&v=${tag(stream.url + stream.captions)}"
      title=${t('watch.frameTitle')} allow="fullscreen; autoplay" allowfullscreen></iframe>
    ${stream.captions ? html`<p class="muted">${t('watch.captions')}</p>` : ''}
  </div>`;
}

/**
 * The journal's published hash-chain head (the hub moves it at most once a minute): fetched when the list is drawn
 * and the last one is a minute old, so that anyone can note it and later check the journal against it.
 */
function journalHead(ctx) {
  const ui = (ctx.ui.journalHead ??= { data: null, at: 0, loading: false });
  if (!ui.loading && Date.now() - ui.at > 60_000) {
    ui.loading = true;
    fetch(`/api/assemblies/${ctx.assemblyId}/journal-head.json`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => { if (data) ui.data = data; })
      .catch(() => {})
      .finally(() => { ui.loading = false; ui.at = Date.now(); ctx.redraw(); });
  }
  const h = ui.data;
  if (!h) return '';
  const at = new Date(h.at).toLocaleTimeString(language());
  return html`<li data-testid="journal-head">${t('watch.journalHead', { seq: h.seq, at })}
    <code class="hash">${h.head}</code> <span class="muted">${t('watch.journalVerify')}</span></li>`;
}

/** In-page links to the public sections the view holds now, and the published records over HTTP. */
function records(ctx) {
  const { view, assemblyId: assembly } = ctx;
  const has = (o) => o && Object.keys(o).length > 0;
  const closed = Object.entries(view.ballots || {}).filter(([, b]) => b.results);
  const here = [
    has(view.drafts) && ['#drafts-title', 'watch.drafts'],
    has(view.ballots) && ['#ballots-title', 'watch.ballots'],
    has(view.polls) && ['#polls-title', 'watch.polls'],
    has(view.harvest) && ['#harvest-title', 'watch.harvest'],
    (view.learning?.qa?.archive?.length ?? 0) > 0 && ['#lm-questions-title', 'watch.questions'],
  ].filter(Boolean);
  return html`<h3 id="watch-records-title">${t('watch.records')}</h3>
    <ul class="watch-records" data-testid="watch-records" aria-labelledby="watch-records-title">
      ${here.map(([href, key]) => html`<li><a href=${href}>${t(key)}</a></li>`)}
      ${closed.map(([id, b]) => html`<li><a href="/api/assemblies/${assembly}/ballots/${id}/record.json">${t('watch.ballotRecord', { title: b.title })}</a></li>`)}
      <li><a href="/api/assemblies/${assembly}/results.csv">${t('watch.resultsCsv')}</a></li>
      <li><a href="/api/assemblies/${assembly}/open-data.json">${t('watch.openData')}</a></li>
      ${journalHead(ctx)}
    </ul>`;
}

/** Observers (public or invited): the picture and sound of the plenary, and what is public. */
export function watchPanel(ctx) {
  const { view, me } = ctx;
  if (!view || !me || !watchesOnly(me)) return '';
  const stream = view.watch?.stream;
  const provider = me.video;
  return html`<section aria-labelledby="watch-title" class="watch" data-testid="watch">
    <h2 id="watch-title">${t('watch.title')}</h2>
    ${stream ? streamFrame(ctx.assemblyId, stream)
      : provider === 'jitsi' ? html`<p class="muted" data-testid="watch-visitor">${t('watch.visitor')}</p>`
        : html`<p role="status" data-testid="watch-no-stream">${t('watch.noStream')}</p>`}
    ${provider === 'mesh' && stream ? html`<p class="muted" data-testid="watch-mesh">${t('watch.mesh')}</p>` : ''}
    ${records(ctx)}
  </section>`;
}

/** Organisers: set, change or clear the stream observers watch; they see what observers get. */
export function streamDesk(ctx) {
  const { view, send } = ctx;
  if (ctx.me?.role !== 'organiser' || !view) return '';
  const stream = view.watch?.stream;
  const submit = (e) => {
    e.preventDefault();
    const form = e.target;
    send('set-live-stream', { url: form.url.value.trim(), captions: form.captions.checked }, { near: form.url });
  };
  return html`<details class="desk" data-testid="stream-desk"><summary>${t('watch.desk')}</summary>
    <form @submit=${submit}>
      <p class="muted" id="stream-help">${t('watch.deskHelp')}</p>
      <label for="stream-url">${t('watch.url')}</label>
      <input id="stream-url" name="url" class="link" type="url" maxlength="2000" aria-describedby="stream-help"
        .value=${stream?.url ?? ''}>
      <label class="choice"><input type="checkbox" name="captions" .checked=${Boolean(stream?.captions)}> ${t('watch.hasCaptions')}</label>
      <div class="controls-row"><button type="submit">${t('watch.save')}</button>
        ${stream ? html`<button type="button" class="secondary" @click=${(e) => send('set-live-stream', { url: '' }, { near: e.target })}>${t('watch.clear')}</button>` : ''}</div>
      <p role="status" data-testid="stream-now">${stream ? t('watch.now', { url: stream.url }) : t('watch.none')}</p>
    </form></details>`;
}
