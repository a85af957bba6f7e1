// Jitsi adapter: the IFrame API from the configured Jitsi domain, created with the room and the token the hub gave
// for it. A move (a group opens or closes) disposes the call and opens the new room with its own token. Camera off
// by default when entering a group; an audio-only mode for weak connections. Jitsi draws its own tiles (with names
// from the tokens); the adapter also follows who is in the call and who is speaking (its dominant-speaker event),
// so the page can name them outside the frame too.

let loading = null;

function loadApi(domain) {
  if (window.JitsiMeetExternalAPI) return Promise.resolve();
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${location.protocol}//${domain}/external_api.js`;
      script.onload = () => resolve();
      script.onerror = () => { loading = null; reject(new Error('jitsi-unreachable')); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export class JitsiCall {
  /** {@code startWith}: whether the camera and the microphone start on (the organisers' defaults, or the person's). */
  constructor(info, parentNode, displayName, audioOnly, onChange = () => {}, startWith = { camera: true, microphone: true }) {
    this.info = info;
    this.startWith = startWith;
    this.parentNode = parentNode;
    this.displayName = displayName;
    this.audioOnly = audioOnly;
    this.onChange = onChange;
    this.api = null;
    this.myId = null;
    this.participants = new Map(); // Jitsi's participant id → display name (one's own included, once joined)
    this.dominant = null; // the participant id Jitsi names as the dominant speaker
    this.audioMuted = false;
    this.videoMuted = false;
  }

  /** The dominant speaker's name, or null. */
  get speakerName() {
    return this.dominant ? this.participants.get(this.dominant) ?? null : null;
  }

  /** Events of the IFrame API (names as Jitsi documents them); a stand-in without addListener is simply not followed. */
  listen() {
    const on = (event, handler) => this.api?.addListener?.(event, (e) => {
      handler(e || {});
      this.onChange();
    });
    on('videoConferenceJoined', ({ id, displayName }) => {
      this.myId = id ?? null;
      if (id && !this.watchOnly) this.participants.set(id, displayName || this.displayName); // a visitor is in no list
    });
    on('participantJoined', ({ id, displayName }) => { if (id) this.participants.set(id, displayName || ''); });
    on('participantLeft', ({ id }) => {
      this.participants.delete(id);
      if (this.dominant === id) this.dominant = null;
    });
    on('displayNameChange', ({ id, displayname, displayName }) => {
      if (id && this.participants.has(id)) this.participants.set(id, displayname ?? displayName ?? '');
    });
    on('dominantSpeakerChanged', ({ id }) => { this.dominant = id ?? null; });
    on('audioMuteStatusChanged', ({ muted }) => { this.audioMuted = Boolean(muted); });
    on('videoMuteStatusChanged', ({ muted }) => { this.videoMuted = Boolean(muted); });
  }

  /**
   * An observer watches as a Jitsi visitor (their token says so): no camera or microphone is ever asked for — nothing
   * starts them, the prejoin screen (which previews the camera) is off, and the toolbar has no button that would.
   */
  static watchOnlyConfig() {
    return {
      startWithAudioMuted: true,
      startWithVideoMuted: true,
      disableInitialGUM: true,
      startSilent: false,
      prejoinConfig: { enabled: false },
      disableSelfView: true,
      toolbarButtons: ['closedcaptions', 'fullscreen', 'tileview', 'settings'],
      disableDeepLinking: true,
      disableReactions: true,
      disablePolls: true,
      hideConferenceSubject: false,
    };
  }

  async start() {
    await loadApi(this.info.domain);
    if (this.info.watchOnly) {
      this.api = new window.JitsiMeetExternalAPI(this.info.domain, {
        roomName: this.info.room,
        jwt: this.info.jwt,
        parentNode: this.parentNode,
        width: '100%',
        height: 480,
        configOverwrite: JitsiCall.watchOnlyConfig(),
      });
      this.audioMuted = true;
      this.videoMuted = true;
      this.watchOnly = true;
      this.listen();
      return this;
    }
    const inGroup = this.info.group > 0;
    this.api = new window.JitsiMeetExternalAPI(this.info.domain, {
      roomName: this.info.room,
      jwt: this.info.jwt,
      parentNode: this.parentNode,
      width: '100%',
      height: 480,
      userInfo: { displayName: this.displayName },
      configOverwrite: { startWithVideoMuted: inGroup || this.audioOnly || !this.startWith.camera,
        startWithAudioMuted: !this.startWith.microphone, startAudioOnly: this.audioOnly, prejoinConfig: { enabled: false } },
    });
    this.videoMuted = inGroup || Boolean(this.audioOnly) || !this.startWith.camera;
    this.audioMuted = !this.startWith.microphone;
    this.listen();
    return this;
  }

  close() {
    this.api?.dispose();
    this.api = null;
  }
}
