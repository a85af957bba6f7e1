// Polls and consensus rounds: answer the open ones (changing one's answer is fine while open), see results, and
// for the lead, open and close them. One's own answers are remembered on this device only, for this person only, and
// so is an answer being written (lib/kept-drafts.js) until the hub has it. Every rule is stated as sentences.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { recall, remember } from '../lib/device.js';
import { keptDrafts, keepTyping } from '../lib/kept-drafts.js';
import { AGREEMENT, levelLabel, resultsView, scaleLabel } from './results.js';
import { quorumSentence, ruleParts, ruleSentences } from './rules.js';

function canAnswer(poll, me) {
  if (!poll.open || !me?.personId) return false;
  if (poll.voters === 'facilitators') return me.role === 'facilitator';
  if (me.role !== 'member') return false;
  return poll.voters === 'everyone' || me.audience === `member@${poll.group}`;
}

function answerForm(me, id, poll, send, redraw) {
  const previous = recall(me, 'poll', id);
  const kept = keptDrafts(me);
  const typing = `poll/${id}/`;
  const submit = (args) => send('answer-poll', { pollId: id, ...args }).then((ack) => {
    if (ack) {
      remember(me, 'poll', id, args);
      kept.forgetAll(typing);
    }
    redraw();
  });
  const onSubmit = (e) => {
    e.preventDefault();
    const f = e.target;
    if (poll.kind === 'single') submit({ choices: [Number(f.choice.value)] });
    else if (poll.kind === 'multiple') submit({ choices: [...f.querySelectorAll('input[name=choice]:checked')].map((x) => Number(x.value)) });
    else if (poll.kind === 'ranking') {
      submit({ choices: [...f.querySelectorAll('select')].map((s) => s.value).filter((v) => v !== '').map(Number) });
    } else if (poll.kind === 'text') submit({ text: f.text.value });
    else submit({ value: Number(f.value.value), text: f.reason?.value || undefined });
  };
  let fields;
  if (poll.kind === 'single' || poll.kind === 'multiple') {
    const type = poll.kind === 'single' ? 'radio' : 'checkbox';
    fields = html`<fieldset><legend>${poll.kind === 'multiple' ? t('poll.chooseUpTo', { n: poll.maxChoices }) : t('poll.chooseOne')}</legend>
      ${poll.options.map((o, i) => html`<label class="choice"><input type=${type} name="choice" value=${i} ?required=${type === 'radio'}
        ?checked=${previous?.choices?.includes(i)}> ${o}</label>`)}</fieldset>`;
  } else if (poll.kind === 'ranking') {
    fields = html`<fieldset><legend>${t('poll.rankHelp')}</legend>${poll.options.map((_, rank) => html`<label class="choice">${rank + 1}.
      <select name="rank${rank}" aria-label=${t('poll.rank', { n: rank + 1 })}><option value="">—</option>
        ${poll.options.map((o, i) => html`<option value=${i} ?selected=${previous?.choices?.[rank] === i}>${o}</option>`)}</select></label>`)}</fieldset>`;
  } else if (poll.kind === 'text') {
    fields = html`<label for="text-${id}">${t('poll.yourAnswer')}</label><textarea id="text-${id}" name="text" rows="2" maxlength="280" required
      .value=${kept.restore(typing + 'text') ?? previous?.text ?? ''}></textarea>`;
  } else {
    const [first, last] = poll.kind === 'scale' ? [poll.scaleMin, poll.scaleMax] : AGREEMENT[poll.kind];
    const values = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    fields = html`<fieldset class="levels"><legend>${t('poll.chooseOne')}</legend>
      ${values.map((v) => html`<label class="choice">
        <input type="radio" name="value" value=${v} required ?checked=${previous?.value === v}>
        ${poll.kind === 'scale' ? scaleLabel(poll, v) : levelLabel(poll, v)}</label>`)}</fieldset>
      ${poll.kind !== 'scale' ? html`<label for="reason-${id}">${t('poll.reason')}</label>
        <textarea id="reason-${id}" name="reason" rows="2" maxlength="500"
          .value=${kept.restore(typing + 'reason') ?? previous?.text ?? ''}></textarea>` : ''}`;
  }
  return html`<form class="answer" @submit=${onSubmit} @input=${keepTyping(kept, typing)} data-testid="answer-form">${fields}
    ${kept.has(typing) ? html`<p class="muted kept">${t('kept.note')}</p>` : ''}
    <button type="submit">${previous ? t('poll.change') : t('poll.send')}</button>
    ${previous ? html`<p class="muted" role="status" data-testid="answered">${t('poll.answered')}</p>` : ''}</form>`;
}

function answerLabel(poll, key) {
  if (poll.options) return poll.options[key];
  if (poll.kind === 'scale') return scaleLabel(poll, key);
  return AGREEMENT[poll.kind] ? levelLabel(poll, key) : String(key);
}

/** The rule of a consensus round, or the quorum of a poll, stated in full next to it. */
function ruleText(poll) {
  const parts = ruleParts(poll.ruleParts, poll.rule);
  const sentences = AGREEMENT[poll.kind] && parts
    ? ruleSentences(parts, { scale: poll.kind, who: poll.voters === 'facilitators' ? 'facilitators' : 'members' }, t)
    : [quorumSentence(poll.quorum, t)].filter(Boolean);
  return sentences.length ? html`<p class="rule" data-testid="rule"><strong>${t('rule.label')}</strong> ${sentences.join(' ')}</p>` : '';
}

function pollCard(assembly, id, poll, me, send, desk, redraw) {
  return html`<article class="poll" data-testid="poll-${id}">
    <h3>${poll.round ? t('poll.round', { n: poll.round }) + ' · ' : ''}${poll.question}</h3>
    <p class="muted">${t('kind.' + poll.kind)}${poll.inGroups ? ' · ' + t('poll.inGroups') : ''}${poll.secret ? ' · ' + t('poll.secret') : ' · ' + t('poll.named')}
      · ${t('poll.answers', { n: poll.answered, of: poll.eligible })}</p>
    ${ruleText(poll)}
    ${canAnswer(poll, me) ? answerForm(me, id, poll, send, redraw) : ''}
    ${resultsView(poll, poll.results)}
    ${poll.names && Object.keys(poll.names).length ? html`<details><summary>${t('poll.whoAnswered')}</summary><ul>${Object.entries(poll.names).map(([k, names]) =>
      html`<li><strong>${answerLabel(poll, Number(k))}</strong>: ${names.join(', ')}</li>`)}</ul></details>` : ''}
    ${poll.groups && Object.keys(poll.groups).length ? html`<details ?open=${desk}><summary>${t('poll.byGroup')}</summary>
      ${Object.entries(poll.groups).map(([g, r]) => html`<div data-testid="group-result"><h4>${t('group.number', { n: g })} — ${t('poll.groupCount', { n: r.count })}</h4>${resultsView(poll, r)}</div>`)}</details>` : ''}
    ${poll.open && desk ? html`<button type="button" class="secondary" @click=${() => send('close-poll', { pollId: id })}>${t('poll.close')}</button>` : ''}
  </article>`;
}

function newPollForm(send, inBreakouts) {
  const onSubmit = (e) => {
    e.preventDefault();
    const f = e.target;
    const kind = f.kind.value;
    const args = { kind, question: f.question.value, secret: !f.named.checked, liveResults: f.live.checked };
    if (kind === 'scale') {
      if (f.scaleMin.value !== '') args.scaleMin = Number(f.scaleMin.value);
      if (f.scaleMax.value !== '') args.scaleMax = Number(f.scaleMax.value);
      const ends = [f.lowLabel.value.trim(), f.highLabel.value.trim()];
      if (ends.some(Boolean)) args.labels = ends;
    }
    if (['single', 'multiple', 'ranking'].includes(kind)) args.options = f.options.value.split('\n').map((s) => s.trim()).filter(Boolean);
    if (kind === 'multiple') args.maxChoices = Number(f.maxChoices.value) || args.options.length;
    if (AGREEMENT[kind] && f.inGroups.checked) args.inGroups = true;
    if (f.minutes.value) args.minutes = Number(f.minutes.value);
    if (AGREEMENT[kind]) {
      args.rule = { threshold: f.threshold.value, base: f.base.value, block: f.block.value, quorum: f.quorum.value || '2/3' };
    } else if (f.quorum.value) args.quorum = f.quorum.value;
    send('open-poll', args).then((ack) => ack && f.reset());
  };
  return html`<details class="desk"><summary>${t('poll.new')}</summary><form @submit=${onSubmit} data-testid="new-poll">
    <label for="poll-kind">${t('poll.kind')}</label>
    <select id="poll-kind" name="kind">${['single', 'multiple', 'scale', 'ranking', 'text', 'gradients', 'fist', 'consent']
      .map((k) => html`<option value=${k}>${t('kind.' + k)}</option>`)}</select>
    <label for="poll-question">${t('poll.question')}</label><textarea id="poll-question" name="question" rows="2" maxlength="500" required></textarea>
    <label for="poll-options">${t('poll.options')}</label><textarea id="poll-options" name="options" rows="3"></textarea>
    <label for="poll-max">${t('poll.maxChoices')}</label><input id="poll-max" name="maxChoices" type="number" min="1" class="link">
    <label for="poll-scale-min">${t('poll.scaleMin')}</label><input id="poll-scale-min" name="scaleMin" type="number" min="-100" max="100" class="link" placeholder="1">
    <label for="poll-scale-max">${t('poll.scaleMax')}</label><input id="poll-scale-max" name="scaleMax" type="number" min="-100" max="100" class="link" placeholder="5">
    <label for="poll-low">${t('poll.lowLabel')}</label><input id="poll-low" name="lowLabel" class="link" maxlength="200">
    <label for="poll-high">${t('poll.highLabel')}</label><input id="poll-high" name="highLabel" class="link" maxlength="200">
    <label for="poll-minutes">${t('poll.minutes')}</label><input id="poll-minutes" name="minutes" type="number" min="0" max="240" class="link">
    <fieldset><legend>${t('rule.title')}</legend>
      <label for="rule-quorum">${t('rule.quorum')}</label><input id="rule-quorum" name="quorum" class="link" placeholder="2/3" pattern="[0-9]+/[0-9]+">
      <label for="rule-threshold">${t('rule.threshold')}</label><input id="rule-threshold" name="threshold" class="link" value="4/5" pattern="[0-9]+/[0-9]+">
      <label for="rule-base">${t('rule.base')}</label><select id="rule-base" name="base">
        ${['valid-votes', 'ballots-cast', 'all-members'].map((b) => html`<option value=${b}>${t('rule.base.' + b)}</option>`)}</select>
      <label for="rule-block">${t('rule.block')}</label><select id="rule-block" name="block">
        ${['discuss', 'veto', 'oppose'].map((b) => html`<option value=${b}>${t('rule.block.' + b)}</option>`)}</select>
    </fieldset>
    <label class="choice"><input type="checkbox" name="live" checked> ${t('poll.liveResults')}</label>
    <label class="choice"><input type="checkbox" name="named"> ${t('poll.namedOption')}</label>
    <label class="choice"><input type="checkbox" name="inGroups" ?checked=${inBreakouts}> ${t('poll.inGroupsOption')}</label>
    <button type="submit">${t('poll.open')}</button></form></details>`;
}

/** The lead and organisers (ctx.steers) open and close polls; a facilitator in a group (ctx.facilitating) opens them there. */
export function pollsPanel(ctx) {
  const { assemblyId: assembly, view, me, send, steers: desk, facilitating: facilitator, redraw } = ctx;
  const polls = view.polls;
  const inBreakouts = Boolean(view.breakouts?.open);
  const all = Object.entries(polls || {});
  const open = all.filter(([, p]) => p.open).reverse();
  const closed = all.filter(([, p]) => !p.open).reverse();
  if (all.length === 0 && !desk && !facilitator) return '';
  return html`<section aria-labelledby="polls-title" data-testid="polls">
    <h2 id="polls-title">${t('poll.title')}</h2>
    ${repeat(open, ([id]) => id, ([id, p]) => pollCard(assembly, id, p, me, send, desk || (facilitator && p.voters === 'group'), redraw))}
    ${desk || facilitator ? newPollForm(send, inBreakouts) : ''}
    ${closed.length ? html`<details ?open=${open.length === 0}><summary>${t('poll.history', { n: closed.length })}</summary>
      ${repeat(closed, ([id]) => id, ([id, p]) => pollCard(assembly, id, p, me, send, false, redraw))}</details>` : ''}
  </section>`;
}
