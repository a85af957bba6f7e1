// The organisers' settings of how the assembly's calls start: calls on or off, cameras and microphones on or off when
// people join (each person may switch theirs on). The hub keeps them (set-video); every screen follows at once.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

const ALL_ON = { calls: true, camera: true, microphone: true };

export function videoDefaultsDesk(ctx) {
  const { view, send } = ctx;
  if (ctx.me?.role !== 'organiser' || !view) return '';
  const now = view.videoDefaults ?? ALL_ON;
  const submit = (e) => {
    e.preventDefault();
    const f = e.target;
    send('set-video', { calls: f.calls.checked, camera: f.camera.checked, microphone: f.microphone.checked }, { near: f.calls });
  };
  return html`<details class="desk" data-testid="video-defaults"><summary>${t('videoDefaults.desk')}</summary>
    <form @submit=${submit}>
      <p class="muted">${t('videoDefaults.help')}</p>
      <label class="choice"><input type="checkbox" name="calls" .checked=${now.calls}> ${t('videoDefaults.calls')}</label>
      <label class="choice"><input type="checkbox" name="camera" .checked=${now.camera}> ${t('videoDefaults.camera')}</label>
      <label class="choice"><input type="checkbox" name="microphone" .checked=${now.microphone}> ${t('videoDefaults.microphone')}</label>
      <button type="submit">${t('videoDefaults.save')}</button>
    </form></details>`;
}
