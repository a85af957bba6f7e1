// One tile per person in a call: the picture, the person's name, and what they are doing — speaking (the active
// speaker: an outline AND a marked label), hand raised, given the floor, microphone or camera off. Every state is an
// icon with its words, never a colour alone; the words are what screen readers read out with the name. The picture
// is a muted video (browsers always let those start) and the sound a separate audio element: a browser that holds
// sound back until the page is used no longer holds back the picture too, leaving a black box.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

// Each icon a whole <svg> literal: lit-html parses a template on its own, so paths passed in from another template
// would be made as HTML elements, not SVG, and draw nothing.
const ICONS = {
  speaking: html`<svg class="vc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16.5 9a4 4 0 0 1 0 6M19 6.5a7.5 7.5 0 0 1 0 11"/></svg>`,
  hand: html`<svg class="vc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M8 13V5.5a1.5 1.5 0 0 1 3 0V11M11 4.5a1.5 1.5 0 0 1 3 0V11M14 6a1.5 1.5 0 0 1 3 0v7.5a6.5 6.5 0 0 1-6.5 6.5H10a6 6 0 0 1-5-2.7L3.3 14.5a1.5 1.5 0 0 1 2.5-1.7L8 15"/></svg>`,
  floor: html`<svg class="vc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 3a3 3 0 0 0-3 3v5a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z"/><path d="M6 11a6 6 0 0 0 12 0M12 17v4M8 21h8"/></svg>`,
  micOff: html`<svg class="vc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M15 9.5V6a3 3 0 0 0-5.8-1M9 9v2a3 3 0 0 0 5 2.2"/><path d="M18 11a6 6 0 0 1-1 3.3M6 11a6 6 0 0 0 9.5 4.9M12 17v4M8 21h8"/><path d="M3 3l18 18"/></svg>`,
  cameraOff: html`<svg class="vc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M10 7h3a2 2 0 0 1 2 2v3M15 15.5V15a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2"/><path d="M15 10.5l6-3.5v10l-3-1.7"/><path d="M3 3l18 18"/></svg>`,
  connecting: html`<svg class="vc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 3a9 9 0 1 0 9 9"/></svg>`,
};

/** A state on a tile: its icon and its words (data-state names it for tests and styles). */
function badge(state, text) {
  return html`<span class="vc-badge vc-${state}" data-state=${state}>${ICONS[state]}<span>${text}</span></span>`;
}

/** Up to two initials, shown in place of a picture when the camera is off (never a black, nameless box). */
export function initials(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0]).join('').toUpperCase();
}

/**
 * A person's tile. p: { name, self, stream, media: { audio, video } (null: not said yet), speaking, hand (their
 * place in the queue, or 0), floor, facilitator, connecting, testid, id, audioOnly (this screen shows no pictures:
 * initials in their place, and no "camera off" said of anyone) }.
 */
export function personTile(p) {
  const name = p.name || t('video.someone');
  const label = p.self ? t('video.meNamed', { name }) : name;
  const micOff = p.media && p.media.audio === false;
  const cameraOff = p.media && p.media.video === false && !p.audioOnly;
  return html`<figure class="vc-tile" data-testid=${p.testid} data-name=${name} data-self=${String(Boolean(p.self))}
      data-speaking=${String(Boolean(p.speaking))} data-hand=${String(Boolean(p.hand))} data-floor=${String(Boolean(p.floor))}
      data-mic=${micOff ? 'off' : p.media ? 'on' : 'unknown'} data-camera=${cameraOff ? 'off' : p.media ? 'on' : 'unknown'}>
    <div class="vc-frame">
      ${p.audioOnly ? '' : html`<video autoplay playsinline .muted=${true} .srcObject=${p.stream}></video>`}
      ${p.self ? '' : html`<audio autoplay data-call-audio .srcObject=${p.stream}></audio>`}
      ${cameraOff || p.audioOnly || !p.stream ? html`<div class="vc-avatar" aria-hidden="true"><span>${initials(name)}</span></div>` : ''}
      ${p.speaking ? html`<span class="vc-flag" aria-hidden="true">${ICONS.speaking}${t('video.speaking')}</span>` : ''}
    </div>
    <figcaption class="vc-caption">
      <span class="vc-name" data-testid="tile-name">${label}</span>
      ${p.facilitator ? html`<span class="vc-role">${t('video.facilitator')}</span>` : ''}
      <span class="vc-badges">
        ${p.connecting ? badge('connecting', t('video.connecting')) : ''}
        ${p.floor ? badge('floor', t('video.hasFloor')) : ''}
        ${p.hand ? badge('hand', t('video.handRaised')) : ''}
        ${p.speaking ? html`<span class="visually-hidden" data-state="speaking">${t('video.speaking')}</span>` : ''}
        ${micOff ? badge('micOff', t('video.micMuted')) : ''}
        ${cameraOff ? badge('cameraOff', t('video.cameraMuted')) : ''}
      </span>
    </figcaption>
  </figure>`;
}

/**
 * Who is who in a group's call, from what this screen knows: names from the hub (peer id → name), hands and the
 * floor from the group's workspace (`view.workspace.queue` and `.speaker`, keyed by person id with names), the
 * facilitators from `view.breakouts.myGroup` (`lead`, `co`: names). Peers are known only by peer ids, so a hand is
 * put on the tile whose name it carries — and on none when two people in the call share that name (a wrong badge is
 * worse than none; the queue beside the call still lists it). One's own tile is matched by one's person id.
 */
export function groupPeople(controller, ctx) {
  const call = controller.call;
  const view = ctx.view || {};
  const me = ctx.me || {};
  const ws = view.workspace || {};
  const queue = Object.entries(ws.queue || {});
  const floor = ws.speaker || null;
  const group = view.breakouts?.myGroup || {};
  const active = controller.speaking || [];
  const peers = call ? [...call.peers.entries()] : [];
  const names = peers.map(([id]) => controller.names.get(id) || '');
  const unique = (name) => Boolean(name) && names.filter((n) => n === name).length === 1;
  const handOf = (name) => (unique(name) ? queue.find(([pid, q]) => pid !== me.personId && q.name === name)?.[1].position ?? 0 : 0);
  const out = [];
  if (controller.stream || call) { // without a camera or microphone one is still in the call, receiving
    out.push({
      id: 'self', testid: 'self', self: true, name: me.displayName, stream: controller.stream,
      media: { audio: controller.micOn, video: controller.cameraOn },
      speaking: active.includes('self'),
      audioOnly: controller.audioOnly,
      hand: ws.queue?.[me.personId]?.position ?? 0,
      floor: Boolean(floor && floor.id === me.personId),
      facilitator: (me.audience || '').startsWith('facilitator@'),
    });
  }
  for (const [id, p] of peers) {
    const name = controller.names.get(id) || '';
    out.push({
      id, testid: 'peer', name, stream: p.remote, media: p.media, state: p.state, audioOnly: controller.audioOnly,
      connecting: p.state !== 'connected',
      speaking: active.includes(id),
      hand: handOf(name),
      floor: Boolean(floor && floor.id !== me.personId && unique(name) && floor.name === name),
      facilitator: unique(name) && (group.lead === name || group.co === name),
    });
  }
  return out;
}
