// The organisers' rule for ballots opened without one of their own (set-ballot-rule): the support needed, as a share
// of what, and the quorum. Ballots already open keep their rule; the form of a new ballot states the current one.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { ruleParts } from '../poll/rules.js';

const HUB_DEFAULT = { threshold: '4/5', base: 'valid-votes', quorum: '2/3' };

export function ballotRuleDesk(ctx) {
  const { view, send } = ctx;
  if (ctx.me?.role !== 'organiser' || !view) return '';
  const now = view.ballotRule ? ruleParts(view.ballotRule.ruleParts, view.ballotRule.rule) : HUB_DEFAULT;
  const quorumNow = now.quorum ?? 'none';
  const submit = (e) => {
    e.preventDefault();
    const f = e.target;
    send('set-ballot-rule', { rule: { threshold: f.threshold.value, base: f.base.value,
      quorum: f.quorum.value === 'none' ? null : f.quorum.value } }, { near: f.threshold });
  };
  const options = (values, chosen, label) => values.map((v) => html`<option value=${v} ?selected=${v === chosen}>${label(v)}</option>`);
  return html`<details class="desk" data-testid="ballot-rule-desk"><summary>${t('ballotRule.desk')}</summary>
    <form @submit=${submit}>
      <p class="muted" id="ballot-rule-help">${t('ballotRule.help')}</p>
      <label for="default-rule-threshold">${t('ballotRule.threshold')}</label>
      <select id="default-rule-threshold" name="threshold" aria-describedby="ballot-rule-help">
        ${options(['4/5', '3/4', '2/3', '3/5', '1/2'], now.threshold, (v) => v)}</select>
      <label for="default-rule-base">${t('ballotRule.base')}</label>
      <select id="default-rule-base" name="base">
        ${options(['valid-votes', 'ballots-cast', 'all-members'], now.base, (v) => t('ballotRule.base.' + v))}</select>
      <label for="default-rule-quorum">${t('ballotRule.quorum')}</label>
      <select id="default-rule-quorum" name="quorum">
        ${options(['2/3', '1/2', 'none'], quorumNow, (v) => (v === 'none' ? t('ballotRule.noQuorum') : v))}</select>
      <button type="submit">${t('ballotRule.save')}</button>
    </form></details>`;
}
