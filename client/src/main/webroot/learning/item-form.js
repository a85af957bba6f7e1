// The editor of one learning item: its kind, title, speaker, where it comes from (an uploaded file or a web address),
// captions and transcript for a talk, when it opens, the session it prepares for, who may see it, and its task.
// What is typed is kept in a draft (ctx.ui) so that a view arriving meanwhile redraws nothing away.
import { html } from '../lib/html.js';
import { t, errorText } from '../i18n/i18n.js';
import { focusSoon, PHASES } from './staff-shared.js';
import { readingKind, uploadFile, videoSeconds } from './upload.js';
import { quizEditor, newQuestion, readQuizField } from './quiz-editor.js';
import { minutesSeconds } from '../lib/time.js';

export function newItemDraft() {
  return {
    kind: 'reading', title: '', speaker: '', source: 'file', url: '', file: null, captions: null, transcript: null,
    length: '', public: false, opensHow: 'now', opensAt: '', opensPhase: 'learning', opensSession: '', prepareFor: '',
    taskKind: '', taskPrompt: '', questions: [newQuestion()], uploads: {}, problem: null,
  };
}

/** A datetime-local field's value for an instant, in this browser's time zone. */
function localInput(iso) {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** The draft of an existing item (an expert does not see a quiz's keys: correct is null, to be ticked again). */
export function itemDraftOf(item) {
  const opens = item.opens || {};
  return {
    ...newItemDraft(),
    kind: item.kind,
    title: item.title,
    speaker: item.speaker ?? '',
    source: item.url || item.kind === 'link' ? 'url' : 'file',
    url: item.url ?? '',
    file: item.file ?? null,
    captions: item.captions ? { hash: item.captions } : null,
    transcript: item.transcript ? { hash: item.transcript } : null,
    length: item.durationSeconds ? minutesSeconds(item.durationSeconds * 1000) : '',
    public: Boolean(item.public),
    opensHow: opens.at ? 'at' : opens.phase ? 'phase' : opens.session ? 'session' : 'now',
    opensAt: opens.at ? localInput(opens.at) : '',
    opensPhase: opens.phase ?? 'learning',
    opensSession: opens.session ?? '',
    prepareFor: item.prepareFor ?? '',
    taskKind: item.task?.kind ?? '',
    taskPrompt: item.task?.prompt ?? '',
    questions: item.task?.questions?.length
      ? item.task.questions.map((q) => ({ text: q.text, options: [...q.options], correct: q.correct ?? null, feedback: q.feedback ?? '' }))
      : [newQuestion()],
  };
}

/** "12:30" (or "12.30", "12,30": phone keypads without ':') or "12" (minutes) as seconds; 0 when unusable. */
function lengthSeconds(text) {
  const parts = /^\s*(\d{1,3})(?:[:.,](\d{1,2}))?\s*$/.exec(text || '');
  return parts ? Number(parts[1]) * 60 + Number(parts[2] ?? 0) : 0;
}

/** The command's arguments from a draft (docs/learning.md, publish-item). */
function itemArgs(moduleId, itemId, d) {
  const args = { moduleId, kind: d.kind, title: d.title.trim(), public: d.public };
  if (itemId) args.itemId = itemId;
  if (d.kind === 'talk' && d.speaker.trim()) args.speaker = d.speaker.trim();
  if (d.kind === 'link' || d.source === 'url') args.url = d.url.trim();
  else if (d.file) args.file = d.file.hash;
  if (d.kind === 'talk') {
    if (d.captions) args.captions = d.captions.hash;
    if (d.transcript) args.transcript = d.transcript.hash;
    const seconds = lengthSeconds(d.length);
    if (seconds > 0) args.durationSeconds = Math.min(14400, seconds);
  }
  if (d.opensHow === 'at' && d.opensAt) args.opens = { at: new Date(d.opensAt).toISOString() };
  if (d.opensHow === 'phase') args.opens = { phase: d.opensPhase };
  if (d.opensHow === 'session' && d.opensSession) args.opens = { session: d.opensSession };
  if (d.prepareFor) args.prepareFor = d.prepareFor;
  if (d.taskKind) {
    args.task = { kind: d.taskKind, prompt: d.taskPrompt.trim() };
    if (d.taskKind === 'quiz') {
      args.task.questions = d.questions.map((q) => ({
        text: q.text.trim(), options: q.options.map((o) => o.trim()), correct: q.correct,
        ...(q.feedback.trim() ? { feedback: q.feedback.trim() } : {}),
      }));
    }
  }
  return args;
}

/** Fields whose change shows or hides other fields: the form is drawn again. */
const SHAPING = new Set(['kind', 'source', 'opensHow', 'taskKind']);

export function itemForm(ctx, state, module) {
  const editing = state.editing;
  const d = editing.draft;
  const sessions = ctx.view.learning?.agenda || [];
  const onInput = (e) => {
    const field = e.target;
    if (!field.name || field.type === 'file') return;
    if (readQuizField(d, field)) return;
    d[field.name] = field.type === 'checkbox' ? field.checked : field.value;
    if (SHAPING.has(field.name)) ctx.redraw();
  };
  const cancel = () => {
    state.editing = null;
    ctx.redraw();
    focusSoon(editing.itemId ? `learn-edit-${editing.itemId}` : `learn-add-item-${module.id}`);
  };
  const submit = async (e) => {
    e.preventDefault();
    const form = e.target;
    if (Object.values(d.uploads).some((u) => u.state === 'sending')) {
      d.problem = 'learn.staff.upload.wait';
      ctx.redraw();
      return;
    }
    d.problem = null;
    const args = itemArgs(module.id, editing.itemId, d);
    const ack = await ctx.send('publish-item', args, { near: form });
    if (!ack) return;
    state.editing = null;
    state.status = t('learn.staff.item.saved', { title: args.title });
    ctx.redraw();
    focusSoon(`learn-edit-${ack.result?.itemId ?? editing.itemId}`, `learn-module-${module.id}`);
  };
  const fromFile = d.kind !== 'link' && d.source === 'file';
  return html`<form class="learn-form" data-testid="learn-item-form"
      @input=${onInput} @change=${onInput} @submit=${submit}>
    <h4>${editing.itemId ? t('learn.staff.item.editTitle') : t('learn.staff.item.newTitle', { title: module.title })}</h4>
    <fieldset><legend>${t('learn.staff.item.kind')}</legend>
      ${['talk', 'reading', 'link'].map((k) => html`<label class="choice">
        <input type="radio" name="kind" value=${k} .checked=${d.kind === k}> ${t('learn.staff.kind.' + k)}</label>`)}
    </fieldset>
    <label for="learn-item-title">${t('learn.staff.item.titleLabel')}</label>
    <input id="learn-item-title" name="title" required maxlength="200" .value=${d.title}>
    ${d.kind === 'talk' ? html`<label for="learn-item-speaker">${t('learn.staff.item.speaker')}</label>
      <input id="learn-item-speaker" name="speaker" maxlength="200" .value=${d.speaker}>` : ''}
    ${d.kind !== 'link' ? html`<fieldset><legend>${t('learn.staff.item.source')}</legend>
      <label class="choice"><input type="radio" name="source" value="file" .checked=${d.source === 'file'}> ${t('learn.staff.item.sourceFile')}</label>
      <label class="choice"><input type="radio" name="source" value="url" .checked=${d.source === 'url'}> ${t('learn.staff.item.sourceUrl')}</label>
    </fieldset>` : ''}
    ${fromFile ? uploadField(ctx, d, 'file', d.kind === 'talk' ? 'video' : null)
      : html`<label for="learn-item-url">${t('learn.staff.item.url')}</label>
        <input id="learn-item-url" name="url" type="url" required maxlength="2000" placeholder="https://" .value=${d.url}>`}
    ${d.kind === 'talk' ? html`
      <label for="learn-item-length">${t('learn.staff.item.length')}</label>
      <input id="learn-item-length" name="length" inputmode="decimal" class="learn-short" pattern="\\d{1,3}([:.,][0-5]\\d)?"
        .value=${d.length} aria-describedby="learn-item-length-help">
      <p class="muted" id="learn-item-length-help">${t('learn.staff.item.lengthHelp')}</p>
      ${uploadField(ctx, d, 'captions', 'captions')}
      ${uploadField(ctx, d, 'transcript', 'markdown')}` : ''}
    ${openingFields(d, sessions)}
    <label class="choice"><input type="checkbox" name="public" .checked=${d.public}> ${t('learn.staff.item.publicLabel')}</label>
    ${taskFields(ctx, d)}
    ${d.problem ? html`<p class="field-error" role="alert">${t(d.problem)}</p>` : ''}
    <div class="controls-row">
      <button type="submit" data-testid="learn-item-save">${editing.itemId ? t('learn.staff.item.save') : t('learn.staff.item.publish')}</button>
      <button type="button" class="secondary" @click=${cancel}>${t('learn.staff.cancel')}</button>
    </div>
  </form>`;
}

function openingFields(d, sessions) {
  return html`<fieldset><legend>${t('learn.staff.opens.legend')}</legend>
    <label for="learn-item-opens">${t('learn.staff.opens.how')}</label>
    <select id="learn-item-opens" name="opensHow">
      ${['now', 'at', 'phase', 'session'].filter((how) => how !== 'session' || sessions.length)
        .map((how) => html`<option value=${how} ?selected=${d.opensHow === how}>${t('learn.staff.opens.how.' + how)}</option>`)}
    </select>
    ${d.opensHow === 'at' ? html`<label for="learn-item-at">${t('learn.staff.opens.atLabel')}</label>
      <input id="learn-item-at" name="opensAt" type="datetime-local" required .value=${d.opensAt}>` : ''}
    ${d.opensHow === 'phase' ? html`<label for="learn-item-phase">${t('learn.staff.opens.phaseLabel')}</label>
      <select id="learn-item-phase" name="opensPhase">${PHASES.map((p) => html`<option value=${p} ?selected=${d.opensPhase === p}>${t('phase.' + p)}</option>`)}</select>` : ''}
    ${d.opensHow === 'session' ? html`<label for="learn-item-session">${t('learn.staff.opens.sessionLabel')}</label>
      <select id="learn-item-session" name="opensSession" required><option value="">—</option>
        ${sessions.map((s) => html`<option value=${s.id} ?selected=${d.opensSession === s.id}>${s.title}</option>`)}</select>` : ''}
    ${sessions.length ? html`<label for="learn-item-prepare">${t('learn.staff.item.prepareFor')}</label>
      <select id="learn-item-prepare" name="prepareFor"><option value="">${t('learn.staff.item.prepareNone')}</option>
        ${sessions.map((s) => html`<option value=${s.id} ?selected=${d.prepareFor === s.id}>${s.title}</option>`)}</select>` : ''}
  </fieldset>`;
}

function taskFields(ctx, d) {
  return html`<fieldset><legend>${t('learn.staff.task.legend')}</legend>
    <label for="learn-item-task">${t('learn.staff.task.kind')}</label>
    <select id="learn-item-task" name="taskKind">
      ${['', 'reflection', 'question', 'quiz'].map((k) => html`<option value=${k} ?selected=${d.taskKind === k}>
        ${k ? t('learn.staff.task.' + k) : t('learn.staff.task.none')}</option>`)}
    </select>
    ${d.taskKind ? html`<label for="learn-item-prompt">${t('learn.staff.task.prompt')}</label>
      <textarea id="learn-item-prompt" name="taskPrompt" rows="2" required maxlength="500" .value=${d.taskPrompt}
        placeholder=${t('learn.staff.task.placeholder.' + d.taskKind)}></textarea>` : ''}
    ${d.taskKind === 'quiz' ? quizEditor(ctx, d) : ''}
  </fieldset>`;
}

const ACCEPT = {
  video: 'video/mp4,video/webm,.mp4,.webm',
  captions: 'text/vtt,.vtt',
  markdown: '.md,.markdown,text/markdown,text/plain',
  reading: 'application/pdf,.pdf,.md,.markdown,text/markdown,.txt,text/plain',
};

/**
 * A file input that uploads at once (slot: file, captions or transcript; kind: what the hub checks it as, null for a
 * reading: PDF or Markdown by the file), with its progress, what is stored now, and a refusal next to it.
 */
function uploadField(ctx, d, slot, kind) {
  const id = `learn-item-upload-${slot}`;
  const upload = d.uploads[slot];
  const current = d[slot];
  const label = slot === 'file' ? t(kind === 'video' ? 'learn.staff.upload.video' : 'learn.staff.upload.reading')
    : t('learn.staff.upload.' + slot);
  const chosen = async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    const as = kind ?? readingKind(file);
    d.uploads[slot] = { state: 'sending', percent: 0, name: file.name };
    ctx.redraw();
    if (as === 'video') videoSeconds(file).then((s) => {
      if (s > 0) {
        d.length = minutesSeconds(s * 1000);
        ctx.redraw();
      }
    });
    const result = await uploadFile(ctx.assemblyId, as, file, (percent) => {
      d.uploads[slot] = { ...d.uploads[slot], percent };
      ctx.redraw();
    });
    if (result.file) {
      d[slot] = result.file;
      d.uploads[slot] = { state: 'done', name: file.name };
    } else {
      d.uploads[slot] = { state: 'failed', name: file.name, error: result.error };
    }
    ctx.redraw();
  };
  // The live region says when an upload starts and ends; the percentage is shown, not announced at every step.
  const status = !upload ? (current ? t('learn.staff.upload.current', { name: current.name ?? current.hash.slice(0, 12) }) : '')
    : upload.state === 'sending' ? t('learn.staff.upload.sending', { name: upload.name })
      : upload.state === 'done' ? t('learn.staff.upload.done', { name: upload.name }) : '';
  return html`<div class="learn-upload" data-testid=${`learn-upload-${slot}`}>
    <label for=${id}>${label}</label>
    <input type="file" id=${id} accept=${ACCEPT[kind ?? 'reading']} @change=${chosen}
      aria-describedby=${`${id}-status${upload?.state === 'failed' ? ` ${id}-error` : ''}`}>
    <p class="muted learn-upload-status" id=${`${id}-status`} role="status">${status}</p>
    ${upload?.state === 'sending' ? html`<p class="learn-upload-progress"><progress max="100" .value=${upload.percent}
      aria-label=${t('learn.staff.upload.sending', { name: upload.name })}></progress> <span aria-hidden="true">${upload.percent} %</span></p>` : ''}
    ${upload?.state === 'failed' ? html`<p class="field-error" role="alert" id=${`${id}-error`} data-testid="upload-error">
      ${t('learn.staff.upload.refused', { name: upload.name })} ${errorText(upload.error)}</p>` : ''}
    ${slot !== 'file' && current ? html`<button type="button" class="secondary" @click=${() => {
      d[slot] = null;
      d.uploads[slot] = undefined;
      ctx.redraw();
      focusSoon(id);
    }}>${t('learn.staff.upload.remove.' + slot)}</button>` : ''}
  </div>`;
}
