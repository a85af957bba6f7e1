// Jitsi adapter: the IFrame API from the configured Jitsi domain, created with the room and the token the hub gave
// for it. A move (a group opens or closes) disposes the call and opens the new room with its own token. Camera off
// by default when entering a group; an audio-only mode for weak connections.

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
  constructor(info, parentNode, displayName, audioOnly) {
    this.info = info;
    this.parentNode = parentNode;
    this.displayName = displayName;
    this.audioOnly = audioOnly;
    this.api = null;
  }

  async start() {
    await loadApi(this.info.domain);
    const inGroup = this.info.group > 0;
    this.api = new window.JitsiMeetExternalAPI(this.info.domain, {
      roomName: this.info.room,
      jwt: this.info.jwt,
      parentNode: this.parentNode,
      width: '100%',
      height: 480,
      userInfo: { displayName: this.displayName },
      configOverwrite: { startWithVideoMuted: inGroup || this.audioOnly, startAudioOnly: this.audioOnly, prejoinConfig: { enabled: false } },
    });
    return this;
  }

  close() {
    this.api?.dispose();
    this.api = null;
  }
}
