// The call panel: whoever is in a breakout group is in its call (built-in mesh) or its Jitsi room, and follows the
// hub when the lead opens or closes groups — nobody copies a link. The camera can be turned off at any time.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { MeshCall } from './mesh.js';
import { StageCall } from './stage.js';
import { JitsiCall } from './jitsi.js';

export class CallController {
  constructor(connection, redraw) {
    this.connection = connection;
    this.redraw = redraw;
    this.call = null;
    this.room = null;
    this.stream = null;
    this.error = null;
    this.cameraOn = true;
    this.micOn = true;
    this.mutedBy = null;
    this.joining = false;
    this.early = [];
  }

  /**
   * Called on every identity change: joins the right room, leaves the old one. With Jitsi everyone is in a call (the
   * plenary's or their group's); with the built-in mesh, a group is a full mesh and the plenary is the stage passed
   * on from browser to browser (observers, who have no invitation, are not in it).
   */
  async follow(me) {
    this.me = me;
    const inGroup = /@\d+$/.test(me?.audience || '');
    const key = inGroup ? me.audience : me?.video === 'jitsi' || (me?.video === 'mesh' && me?.personId) ? 'plenary' : null;
    if (key === this.room || this.joining || me?.video === 'none') return;
    this.leave();
    this.room = key;
    if (!key) return;
    this.joining = true;
    this.early = [];
    try {
      // A stage member's camera (kept from a group) is named to the hub at once: screens caption only streams it names.
      const ack = await this.connection.send('video-join', key === 'plenary' && this.stream ? { stream: this.stream.id } : {});
      const info = ack.result;
      // Moved while asking (groups opened or closed meanwhile): the hub answered for the room the person is in now,
      // not the one this call was for. Drop it; the move's own update brings the right room.
      if ((info.group ?? 0) !== (inGroup ? Number(key.split('@')[1]) : 0)) {
        this.room = null;
        return;
      }
      this.info = info;
      if (info.provider === 'jitsi') {
        this.redraw(); // the frame's container must exist first
        await new Promise((r) => requestAnimationFrame(r));
        this.jitsi = await new JitsiCall(info, document.getElementById('jitsi-frame'), me.displayName ?? 'Observer', this.audioOnly).start();
        window.assemblyHubJitsi = this.jitsi;
        return;
      }
      if (info.relay) {
        await this.joinStage(me, info);
        return;
      }
      await this.camera();
      this.call = new MeshCall({ ...this.callOptions(me, info), room: info.room, stream: this.stream });
      window.assemblyHubCall = this.call; // for people debugging, and the browser tests
      this.call.start(info.peers);
      this.replayEarly(this.call);
      setTimeout(() => this.watchSpeakers(this.call), 1_000);
      this.error = null;
    } catch (e) {
      this.error = e?.name === 'NotAllowedError' ? 'video.denied' : e?.name === 'NotFoundError' ? 'video.noDevice' : 'video.failed';
    } finally {
      this.joining = false;
      this.redraw();
      // Moved again while joining: follow the latest move.
      if (this.me !== me) this.follow(this.me);
    }
  }

  /**
   * The hub's socket was lost and came back. A mesh call is joined again: the hub counted this person as gone from
   * the plenary's tree when the socket closed, and after a restart of the hub peer ids are new (they are made under
   * a key of the hub's process). A Jitsi call does not depend on the hub's socket and goes on.
   */
  rejoin(me) {
    if (this.stage || this.call) {
      this.leave();
      this.room = null;
    }
    return this.follow(me);
  }

  /** Mesh plenary: speakers mesh and send; everyone else only receives (no camera asked for). */
  async joinStage(me, info) {
    let relay = info.relay;
    if (relay.onStage && !this.stream) {
      await this.camera();
      // The camera is new: tell the hub which stream it is, so that screens show it under this person's name.
      const named = await this.connection.send('video-join', { room: info.room, stream: this.stream.id });
      if (named.result?.relay) relay = named.result.relay;
    } else if (relay.onStage) this.applyDevices();
    this.stage = new StageCall({ ...this.callOptions(me, info), stream: relay.onStage ? this.stream : null });
    window.assemblyHubStage = this.stage; // for people debugging, and the browser tests
    this.stage.update(relay);
    if (this.pendingRelay) this.stage.update(this.pendingRelay); // taken only if newer (positions carry a version)
    this.pendingRelay = null;
    this.replayEarly(this.stage);
    this.error = null;
  }

  /** The camera and microphone, asked for once and kept across rooms; the toggles apply to them. */
  async camera() {
    if (!this.stream) this.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    this.applyDevices();
  }

  /** Peers know each other by ids the hub makes per room (info.me), never by person ids. */
  callOptions(me, info) {
    return { me: info.me, iceServers: info.iceServers, iceTransportPolicy: info.iceTransportPolicy,
      signal: (to, kind, data) => this.connection.signal(to, kind, data), onChange: () => this.redraw() };
  }

  /** Marks who is speaking (received audio above a threshold), once a second, while this call lasts. */
  async watchSpeakers(call) {
    if (this.call !== call || !call) return;
    const levels = await call.levels();
    const now = [...levels].filter(([, level]) => level > 0.02).map(([id]) => id).sort();
    if (now.join() !== (this.speaking || []).join()) {
      this.speaking = now;
      this.redraw();
    }
    setTimeout(() => this.watchSpeakers(call), 1_000);
  }

  onSignal(message) {
    if (message.kind === 'relay') {
      if (this.stage && message.data.onStage && !this.stage.stream && !this.joining) {
        // Put on stage during the call (appointed lead): join again, this time with the camera.
        this.leave();
        this.room = null;
        this.follow(this.me);
      } else if (this.stage) this.stage.update(message.data);
      else this.pendingRelay = message.data;
      return;
    }
    if (message.kind === 'mute') {
      this.micOn = false;
      this.mutedBy = message.from;
      this.applyDevices();
      this.redraw();
      return;
    }
    if (this.stage) this.stage.receive(message);
    else if (this.call) this.call.receive(message);
    else if (this.joining && this.early.length < 200) this.early.push(message); // someone called before our call existed
  }

  /** Signals that came while this call was being set up: the hub relays only within one's room, so they are for it. */
  replayEarly(target) {
    const early = this.early;
    this.early = [];
    for (const message of early) target.receive(message);
  }

  /** A signal the hub refused: a peer who is no longer in this room is dropped from the call. */
  onSignalError(error) {
    if (error.code !== 'not-in-your-room' || !error.to) return;
    this.call?.drop(error.to);
    this.stage?.drop(error.to);
  }

  leave() {
    this.call?.close();
    this.call = null;
    this.stage?.close();
    this.stage = null;
    window.assemblyHubStage = null;
    this.jitsi?.close();
    this.jitsi = null;
    this.info = null;
    window.assemblyHubCall = null;
  }

  /** Jitsi: rejoin the same room with video off and not received (for weak connections). */
  toggleAudioOnly() {
    this.audioOnly = !this.audioOnly;
    const me = this.me;
    this.leave();
    this.room = null;
    this.follow(me);
  }

  applyDevices() {
    this.stream?.getVideoTracks().forEach((tr) => { tr.enabled = this.cameraOn; });
    this.stream?.getAudioTracks().forEach((tr) => { tr.enabled = this.micOn; });
  }

  toggleCamera() {
    this.cameraOn = !this.cameraOn;
    this.applyDevices();
    this.redraw();
  }

  toggleMic() {
    this.micOn = !this.micOn;
    this.mutedBy = null;
    this.applyDevices();
    this.redraw();
  }
}

/** A video element bound to a stream (lit-html sets srcObject as a property). */
function tile(stream, label, muted, testid) {
  return html`<figure class="tile" data-testid=${testid}>
    <video autoplay playsinline .muted=${muted} .srcObject=${stream}></video>
    <figcaption>${label}</figcaption></figure>`;
}

/** Phone dial-in: the number for the visitor's country first (from the browser's language), the others folded. */
function dialIn({ numbers, pin }) {
  const region = (navigator.language || '').split('-')[1]?.toUpperCase();
  const first = numbers.find((n) => n.country === region) || numbers[0];
  const telLink = (n) => html`<a href="tel:${n.number.replace(/[^+\d]/g, '')},${pin}%23">${n.number}</a>`;
  return html`<p class="dial-in" data-testid="dial-in">${t('video.dialIn', { number: first.number, pin: `${pin}#` })}
    ${numbers.length > 1 ? html`<details><summary>${t('video.dialInNumbers')}</summary><ul>
      ${numbers.map((n) => html`<li>${n.country ? `${n.country} ` : ''}${telLink(n)}</li>`)}</ul></details>` : ''}</p>`;
}

/** The plenary in mesh mode: the speakers' pictures, passed on from browser to browser. */
function stagePanel(controller) {
  const stage = controller.stage;
  const speakers = stage.speakers();
  return html`<section aria-labelledby="call-title" data-testid="stage" data-upstream=${stage.upstreamState}>
    <h2 id="call-title">${t('video.plenary')}</h2>
    ${speakers.length === 0 ? html`<p role="status">${stage.position.stage.length === 0 ? t('video.stageEmpty') : t('video.connecting')}</p>` : ''}
    <div class="tiles">
      ${repeat(speakers, (s) => s.id, (s) => html`<div class="speaker" data-speaker=${s.id}>
        ${tile(s.stream, s.self ? t('video.me') : s.name || t('video.speaker'), Boolean(s.self), 'stage-tile')}</div>`)}
    </div>
    ${stage.onStage ? html`<div class="controls-row">
      <button type="button" class="secondary" aria-pressed=${!controller.cameraOn} @click=${() => controller.toggleCamera()}>${controller.cameraOn ? t('video.cameraOff') : t('video.cameraOn')}</button>
      <button type="button" class="secondary" aria-pressed=${!controller.micOn} @click=${() => controller.toggleMic()}>${controller.micOn ? t('video.micOff') : t('video.micOn')}</button>
    </div>` : html`<p class="hint">${t('video.watching')}</p>`}
  </section>`;
}

export function callPanel(controller, facilitator) {
  if (!controller.room && !controller.error) return '';
  if (controller.stage) return stagePanel(controller);
  const call = controller.call;
  const peers = call ? [...call.peers.entries()] : [];
  if (controller.info?.provider === 'jitsi') {
    return html`<section aria-labelledby="call-title" data-testid="call" data-room=${controller.room ?? ''}>
      <h2 id="call-title">${controller.info.group ? t('video.title') : t('video.plenary')}</h2>
      <div id="jitsi-frame" class="jitsi-frame"></div>
      ${controller.info.dialIn ? dialIn(controller.info.dialIn) : ''}
      <div class="controls-row"><button type="button" class="secondary" aria-pressed=${Boolean(controller.audioOnly)}
        @click=${() => controller.toggleAudioOnly()}>${controller.audioOnly ? t('video.withVideo') : t('video.audioOnly')}</button></div>
    </section>`;
  }
  return html`<section aria-labelledby="call-title" data-testid="call" data-room=${controller.room ?? ''}>
    <h2 id="call-title">${t('video.title')}</h2>
    ${controller.error ? html`<p class="warning" role="alert">${t(controller.error)} <a href="/tech-check.html" target="_blank">${t('video.check')}</a></p>` : ''}
    ${controller.mutedBy ? html`<p role="status">${t('video.mutedByFacilitator')}</p>` : ''}
    <div class="tiles">
      ${controller.stream ? tile(controller.stream, t('video.me'), true, 'self') : ''}
      ${repeat(peers, ([id]) => id, ([id, p]) => html`<div class="peer" data-peer=${id} data-state=${p.state}
          data-speaking=${String((controller.speaking || []).includes(id))}>
        ${tile(p.remote, p.state !== 'connected' ? t('video.connecting') : (controller.speaking || []).includes(id) ? t('video.speaking') : '', false, 'peer')}
        ${facilitator ? html`<button type="button" class="secondary" @click=${() => controller.connection.signal(id, 'mute', { audio: true })}>${t('video.askMute')}</button>` : ''}
      </div>`)}
    </div>
    <div class="controls-row">
      <button type="button" class="secondary" aria-pressed=${!controller.cameraOn} @click=${() => controller.toggleCamera()}>${controller.cameraOn ? t('video.cameraOff') : t('video.cameraOn')}</button>
      <button type="button" class="secondary" aria-pressed=${!controller.micOn} @click=${() => controller.toggleMic()}>${controller.micOn ? t('video.micOff') : t('video.micOn')}</button>
    </div>
  </section>`;
}
