// The call panel: whoever is in a breakout group is in its call (built-in mesh) or its Jitsi room, and follows the
// hub when the lead opens or closes groups — nobody copies a link. The camera can be turned off at any time. Every
// tile says whose it is and what they are doing (speaking, hand raised, given the floor, microphone or camera off).
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { MeshCall } from './mesh.js';
import { StageCall } from './stage.js';
import { JitsiCall } from './jitsi.js';
import { SpeakerMeter } from './levels.js';
import { personTile, groupPeople } from './tiles.js';
import { audioOnlyChosen, chooseAudioOnly, dataSaver } from '../lib/data-saver.js';

/** Observers, the public and invited ones alike, watch: never in a call, never asked for a camera. */
export function watchesOnly(me) {
  return !me?.personId || me?.role === 'observer';
}

/** How often the sound levels are read (Web Audio); the fallback on WebRTC's statistics, once a second. */
const LEVELS_MS = 100;

export class CallController {
  constructor(connection, redraw) {
    this.connection = connection;
    this.redraw = redraw;
    this.call = null;
    this.room = null;
    this.stream = null;
    this.error = null;
    this.audioOnly = audioOnlyChosen();
    this.savingData = dataSaver();
    this.cameraOn = !this.savingData;
    this.micOn = true;
    this.mutedBy = null;
    this.joining = false;
    this.early = [];
    this.names = new Map(); // peer id → display name, in a group's call: from the hub only
    this.meter = new SpeakerMeter();
    window.assemblyHubMeter = this.meter; // for people debugging, and the browser tests
    this.speaking = []; // the key of the active speaker ('self' or a peer id), or none
    this.ticks = 0;
    this.soundHeld = false; // the browser holds the call's sound back until the person uses the page
    // Any click or key on the page lets the browser play sound: the call's sound starts at once.
    addEventListener('pointerdown', () => this.playSound(), true);
    addEventListener('keydown', () => this.playSound(), true);
  }

  /** Plays each person's sound that is not playing (after a click or key, the browser allows it). */
  playSound() {
    const held = [...document.querySelectorAll('audio[data-call-audio]')].filter((a) => a.paused && a.srcObject?.getAudioTracks().length);
    if (held.length === 0) {
      if (this.soundHeld) {
        this.soundHeld = false;
        this.redraw();
      }
      return;
    }
    Promise.all(held.map((a) => a.play().then(() => true, () => false))).then((played) => {
      const heldNow = played.includes(false);
      if (heldNow !== this.soundHeld) {
        this.soundHeld = heldNow;
        this.redraw();
      }
    });
  }

  /** One's own microphone and camera, as peers and the hub are told. */
  media() {
    return { audio: this.micOn, video: this.cameraOn };
  }

  /**
   * Called on every identity change: joins the right room, leaves the old one. With Jitsi everyone is in a call (the
   * plenary's or their group's); with the built-in mesh, a group is a full mesh and the plenary is the stage passed
   * on from browser to browser (observers, who have no invitation, are not in it).
   */
  async follow(me) {
    // Where the organisers set people to join with their camera or microphone off, they start so (once: after that,
    // the person's own toggles hold).
    if (me?.joinWith && !this.startedAsSet) {
      this.startedAsSet = true;
      if (me.joinWith.camera === false) this.cameraOn = false;
      if (me.joinWith.microphone === false) this.micOn = false;
    }
    this.me = me;
    const inGroup = /@\d+$/.test(me?.audience || '');
    const key = inGroup ? me.audience : me?.video === 'jitsi' || (me?.video === 'mesh' && !watchesOnly(me)) ? 'plenary' : null;
    if (key === this.room || this.joining || me?.video === 'none') return;
    this.leave();
    this.room = key;
    if (!key) return;
    this.joining = true;
    this.early = [];
    try {
      // A stage member's camera (kept from a group) is named to the hub at once: screens caption only streams it names.
      const ack = await this.connection.send('video-join', key === 'plenary' && this.stream ? { stream: this.stream.id, ...this.media() } : {});
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
        this.jitsi = await new JitsiCall(info, document.getElementById('jitsi-frame'), me.displayName ?? 'Observer', this.audioOnly,
          () => this.redraw(), { camera: this.cameraOn, microphone: this.micOn }).start();
        window.assemblyHubJitsi = this.jitsi;
        return;
      }
      if (info.relay) {
        await this.joinStage(me, info);
        return;
      }
      // Without a camera or microphone (none found, or refused), one still sees and hears the group: the others'
      // pictures and sound come in, nothing goes out.
      let deviceProblem = null;
      try {
        await this.camera();
      } catch (e) {
        if (!['NotFoundError', 'NotAllowedError', 'NotReadableError', 'OverconstrainedError'].includes(e?.name)) throw e;
        deviceProblem = e.name === 'NotAllowedError' ? 'video.denied' : 'video.noDevice';
        this.micOn = false;
        this.cameraOn = false;
      }
      for (const [id, name] of Object.entries(info.names || {})) if (typeof name === 'string') this.names.set(id, name);
      this.call = new MeshCall({ ...this.callOptions(me, info), room: info.room, stream: this.stream, media: this.media(),
        receiveVideo: !this.audioOnly });
      window.assemblyHubCall = this.call; // for people debugging, and the browser tests
      this.call.start(info.peers);
      this.replayEarly(this.call);
      this.watchSpeakers();
      this.error = deviceProblem;
      this.receiveOnly = Boolean(deviceProblem);
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
      const named = await this.connection.send('video-join', { room: info.room, stream: this.stream.id, ...this.media() });
      if (named.result?.relay) relay = named.result.relay;
    } else if (relay.onStage) this.applyDevices();
    this.stage = new StageCall({ ...this.callOptions(me, info), stream: relay.onStage ? this.stream : null });
    window.assemblyHubStage = this.stage; // for people debugging, and the browser tests
    this.stage.update(relay);
    if (this.pendingRelay) this.stage.update(this.pendingRelay); // taken only if newer (positions carry a version)
    this.pendingRelay = null;
    this.replayEarly(this.stage);
    this.watchSpeakers();
    this.error = null;
  }

  /**
   * The camera and microphone, asked for once and kept across rooms; the toggles apply to them. Audio-only: the
   * microphone alone (the camera is not even opened).
   */
  async camera() {
    if (!this.stream) this.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: !this.audioOnly });
    if (this.audioOnly) this.cameraOn = false;
    this.applyDevices();
  }

  /** Peers know each other by ids the hub makes per room (info.me), never by person ids. */
  callOptions(me, info) {
    return { me: info.me, iceServers: info.iceServers, iceTransportPolicy: info.iceTransportPolicy,
      signal: (to, kind, data) => this.connection.signal(to, kind, data), onChange: () => this.redraw() };
  }

  /**
   * Marks the active speaker while a mesh call or the stage lasts: the sound of each tile's stream through Web Audio
   * (one's own too, so one sees one is heard), people known to be muted left out. Where Web Audio cannot run yet
   * (the browser waits for a first click), the levels WebRTC reports for each peer, once a second.
   */
  watchSpeakers() {
    if (this.watching) return;
    this.watching = setInterval(() => this.readLevels(), LEVELS_MS);
  }

  async readLevels() {
    const call = this.call;
    const stage = this.stage;
    if (!call && !stage) {
      clearInterval(this.watching);
      this.watching = null;
      return;
    }
    if (this.reading) return;
    this.reading = true;
    this.ticks++;
    if (this.ticks % 10 === 0) this.playSound(); // once a second: is some sound held back?
    try {
      const streams = new Map();
      if (call) {
        if (this.stream && this.micOn) streams.set('self', this.stream);
        for (const [id, p] of call.peers) if (p.state === 'connected' && p.media?.audio !== false) streams.set(id, p.remote);
      } else {
        for (const s of stage.speakers()) {
          if (s.self ? this.micOn : s.audio) streams.set(s.self ? 'self' : s.id, s.stream);
        }
      }
      let levels = this.meter.measure(streams);
      if (!levels && call) {
        if (this.ticks % 10 !== 1) return;
        levels = await call.levels();
        for (const id of levels.keys()) if (!streams.has(id)) levels.delete(id);
      }
      if (!levels || (this.call !== call || this.stage !== stage)) return;
      const active = this.meter.update(levels);
      const now = active ? [active] : [];
      if (now.join() !== this.speaking.join()) {
        this.speaking = now;
        this.redraw();
      }
    } finally {
      this.reading = false;
    }
  }

  /** A stage member's microphone or camera changed: the hub is told, and every position then says it. */
  tellStage() {
    if (!this.stage?.onStage || !this.stream || !this.info?.room) return;
    const stage = this.stage;
    this.connection.send('video-join', { room: this.info.room, stream: this.stream.id, ...this.media() })
      .then((ack) => { if (ack.result?.relay && this.stage === stage) stage.update(ack.result.relay); })
      .catch(() => {}); // moved meanwhile: the new room's join says it
  }

  onSignal(message) {
    // In a group the hub names whoever offers or answers (a newcomer's offer is how the others learn who joined).
    if (typeof message.name === 'string' && typeof message.from === 'string') this.names.set(message.from, message.name);
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
    this.names = new Map();
    this.speaking = [];
    this.meter.close();
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

  /**
   * Audio-only (for weak connections), remembered on this device: rejoin the same room with no picture sent or
   * received — Jitsi's own audio-only mode; in the built-in mesh the camera is closed and the others are asked not to
   * send theirs. Back to pictures, the camera is asked for again (and starts off: one turns it on).
   */
  toggleAudioOnly() {
    this.audioOnly = !this.audioOnly;
    chooseAudioOnly(this.audioOnly);
    const me = this.me;
    this.leave();
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.cameraOn = false;
    this.room = null;
    this.follow(me);
  }

  /** The toggles applied to the camera and microphone, and said to the others (peers in a group, the hub on stage). */
  applyDevices() {
    this.stream?.getVideoTracks().forEach((tr) => { tr.enabled = this.cameraOn; });
    this.stream?.getAudioTracks().forEach((tr) => { tr.enabled = this.micOn; });
    this.call?.setMedia(this.media());
    this.tellStage();
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

/** Phone dial-in: the number for the visitor's country first (from the browser's language), the others folded. */
function dialIn({ numbers, pin }) {
  const region = (navigator.language || '').split('-')[1]?.toUpperCase();
  const first = numbers.find((n) => n.country === region) || numbers[0];
  const telLink = (n) => html`<a href="tel:${n.number.replace(/[^+\d]/g, '')},${pin}%23">${n.number}</a>`;
  return html`<p class="dial-in" data-testid="dial-in">${t('video.dialIn', { number: first.number, pin: `${pin}#` })}
    ${numbers.length > 1 ? html`<details><summary>${t('video.dialInNumbers')}</summary><ul>
      ${numbers.map((n) => html`<li>${n.country ? `${n.country} ` : ''}${telLink(n)}</li>`)}</ul></details>` : ''}</p>`;
}

/** When the browser holds the call's sound back: one press lets everyone be heard. */
function soundButton(controller) {
  return controller.soundHeld ? html`<p class="vc-sound" role="status">${t('video.soundHeld')}
    <button type="button" data-testid="play-sound" @click=${() => controller.playSound()}>${t('video.playSound')}</button></p>` : '';
}

/**
 * The camera and microphone buttons say what pressing them does ("Turn my camera on"); they are not toggle buttons
 * (aria-pressed), whose unchanging name would have to say the state instead. Each keeps its element, and so the
 * keyboard focus, when its words change. In audio-only mode there is no camera to turn on.
 */
function deviceControls(controller) {
  return html`<div class="controls-row">
    ${controller.audioOnly ? '' : html`<button type="button" class="secondary" data-testid="toggle-camera" @click=${() => controller.toggleCamera()}>${controller.cameraOn ? t('video.cameraOff') : t('video.cameraOn')}</button>`}
    <button type="button" class="secondary" data-testid="toggle-mic" @click=${() => controller.toggleMic()}>${controller.micOn ? t('video.micOff') : t('video.micOn')}</button>
    ${audioOnlyButton(controller)}
  </div>
  ${weakLinkHint(controller)}`;
}

/** Audio-only, a toggle with an unchanging name: pressed, no picture is sent or received (Jitsi's and the mesh's). */
function audioOnlyButton(controller) {
  return html`<button type="button" class="secondary" data-testid="audio-only" aria-pressed=${controller.audioOnly ? 'true' : 'false'}
    @click=${() => controller.toggleAudioOnly()}>${t('video.audioOnly')}</button>`;
}

/** Why there is no picture: said in words (audio-only chosen, or the camera left off to save data). */
function weakLinkHint(controller) {
  if (controller.audioOnly) return html`<p class="hint" data-testid="audio-only-hint">${t('video.audioOnlyOn')}</p>`;
  if (controller.savingData && !controller.cameraOn) return html`<p class="hint" data-testid="data-saver-hint">${t('video.dataSaverOn')}</p>`;
  return '';
}

/** The plenary in mesh mode: the speakers' pictures, passed on from browser to browser, each under its name. */
function stagePanel(controller) {
  const stage = controller.stage;
  const speakers = stage.speakers();
  const active = controller.speaking || [];
  return html`<section aria-labelledby="call-title" data-testid="stage" data-upstream=${stage.upstreamState}>
    <h2 id="call-title">${t('video.plenary')}</h2>
    ${soundButton(controller)}
    ${speakers.length === 0 ? html`<p role="status">${stage.position.stage.length === 0 ? t('video.stageEmpty') : t('video.connecting')}</p>` : ''}
    <div class="tiles vc-tiles vc-stage-tiles">
      ${repeat(speakers, (s) => s.id, (s) => html`<div class="speaker vc-person" data-speaker=${s.id}>
        ${personTile({
          id: s.id, testid: 'stage-tile', self: Boolean(s.self), stream: s.stream,
          name: s.name || t('video.speaker'),
          media: s.self ? controller.media() : { audio: s.audio, video: s.video },
          speaking: active.includes(s.self ? 'self' : s.id),
          audioOnly: controller.audioOnly,
        })}</div>`)}
    </div>
    ${stage.onStage ? deviceControls(controller) : html`<p class="hint">${t('video.watching')}</p>
      ${!watchesOnly(controller.me) ? html`<div class="controls-row">${audioOnlyButton(controller)}</div>${weakLinkHint(controller)}` : ''}`}
  </section>`;
}

/**
 * A Jitsi room: Jitsi draws the tiles (names from the tokens, its own mute icons). Beside the frame, who is in the
 * call, with the dominant speaker marked (Jitsi's event) and raised hands from the group's queue, and one's own state.
 */
function jitsiPanel(controller, ctx) {
  const jitsi = controller.jitsi;
  const people = jitsi ? [...jitsi.participants.entries()] : [];
  const queue = Object.entries(ctx.view?.workspace?.queue || {});
  const names = people.map(([, name]) => name);
  const handOf = (id, name) => (id === jitsi?.myId
    ? ctx.view?.workspace?.queue?.[ctx.me?.personId]?.position ?? 0
    : names.filter((n) => n === name).length === 1 ? queue.find(([pid, q]) => pid !== ctx.me?.personId && q.name === name)?.[1].position ?? 0 : 0);
  return html`<section aria-labelledby="call-title" data-testid="call" data-room=${controller.room ?? ''}>
    <h2 id="call-title">${controller.info.group ? t('video.title') : t('video.plenary')}</h2>
    <div id="jitsi-frame" class="jitsi-frame"></div>
    ${jitsi?.speakerName ? html`<p class="vc-now" data-testid="jitsi-speaker">${t('video.nowSpeaking', { name: jitsi.speakerName })}</p>` : ''}
    ${people.length ? html`<ul class="vc-people" data-testid="jitsi-people" aria-label=${t('video.inCall')}>
      ${repeat(people, ([id]) => id, ([id, name]) => {
        const hand = handOf(id, name);
        const self = id === jitsi.myId;
        return html`<li data-speaking=${String(id === jitsi.dominant)} data-hand=${String(Boolean(hand))}>
          <span class="vc-name">${self ? t('video.meNamed', { name: name || t('video.someone') }) : name || t('video.someone')}</span>
          ${id === jitsi.dominant ? html`<span class="vc-badge vc-speaking">${t('video.speaking')}</span>` : ''}
          ${hand ? html`<span class="vc-badge vc-hand">${t('video.handRaised')}</span>` : ''}
          ${self && jitsi.audioMuted ? html`<span class="vc-badge vc-micOff">${t('video.micMuted')}</span>` : ''}
          ${self && jitsi.videoMuted ? html`<span class="vc-badge vc-cameraOff">${t('video.cameraMuted')}</span>` : ''}
        </li>`;
      })}</ul>` : ''}
    ${controller.info.dialIn ? dialIn(controller.info.dialIn) : ''}
    ${controller.info.watchOnly ? '' : html`<div class="controls-row">${audioOnlyButton(controller)}</div>
    ${weakLinkHint(controller)}`}
  </section>`;
}

/**
 * The call panel. ctx: the app's context (the view for hands, the floor and the facilitators' names; who this is;
 * whether they facilitate this group, for the requests to mute).
 */
export function callPanel(controller, ctx) {
  if (!controller.room && !controller.error) return '';
  if (controller.stage) return stagePanel(controller);
  if (controller.info?.provider === 'jitsi') return jitsiPanel(controller, ctx);
  const people = groupPeople(controller, ctx);
  const mutedBy = controller.mutedBy && controller.names.get(controller.mutedBy);
  return html`<section aria-labelledby="call-title" data-testid="call" data-room=${controller.room ?? ''}>
    <h2 id="call-title">${t('video.title')}</h2>
    ${controller.error ? html`<p class="warning" role="alert">${t(controller.error)}${controller.receiveOnly && controller.call
      ? ` ${t('video.receiveOnly')}` : ''} <a href="/tech-check.html" target="_blank">${t('video.check')}</a></p>` : ''}
    ${controller.mutedBy ? html`<p role="status">${mutedBy ? t('video.mutedByNamed', { name: mutedBy }) : t('video.mutedByFacilitator')}</p>` : ''}
    ${soundButton(controller)}
    <div class="tiles vc-tiles">
      ${repeat(people, (p) => p.id, (p) => html`<div class="${p.self ? 'vc-person' : 'peer vc-person'}" data-peer=${p.self ? '' : p.id}
          data-state=${p.state ?? ''} data-speaking=${String(p.speaking)}>
        ${personTile(p)}
        ${ctx.facilitating && !p.self ? html`<button type="button" class="secondary vc-ask-mute" data-testid="ask-mute"
          @click=${() => controller.connection.signal(p.id, 'mute', { audio: true })}>${t('video.askMute', { name: p.name || t('video.someone') })}</button>` : ''}
      </div>`)}
    </div>
    ${deviceControls(controller)}
  </section>`;
}
