// The live connection: one WebSocket per tab. It says hello with the last seq it saw so the server sends only what
// was missed, reconnects with growing pauses, and re-sends unanswered commands with their original id (the server
// applies each id once).
import { applyMergePatch } from './merge-patch.js';

const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404]);
const PING_MS = 25000;

function commandId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'c-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class LiveConnection {
  constructor(assemblyId, listener) {
    this.assemblyId = assemblyId;
    this.listener = listener;     // { onStatus(status, detail), onView(view), onPersonal(me), onNotice(error) }
    this.seq = null;
    this.audience = null;
    this.view = null;
    this.me = null;
    this.pending = new Map();     // id -> { name, args, resolve, reject }
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
  }

  start() {
    this.open();
    window.addEventListener('online', () => this.reconnectNow());
  }

  open() {
    if (this.stopped || this.opening) return;
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    this.opening = true;
    this.endpoint().then((url) => {
      this.opening = false;
      if (!this.stopped) this.connect(url);
    });
  }

  /**
   * Where to connect: an anonymous observer goes to the hub's observers' endpoint when it has one (the hub says so,
   * once per page: the session cookie is out of the page's reach); after three failed tries in a row there (a
   * firewall that lets only the usual port through), to /live like everyone.
   */
  async endpoint() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    if (this.watch === undefined) {
      try {
        const url = (await (await fetch('/api/live-endpoint', { credentials: 'same-origin' })).json()).url;
        this.watch = !url ? null : url.startsWith('/') ? `${scheme}://${location.host}${url}` : url;
        this.watchFailures = 0;
      } catch (e) {
        return `${scheme}://${location.host}/live`; // asked again at the next try
      }
    }
    if (this.watch && this.watchFailures < 3) return this.watch;
    return `${scheme}://${location.host}/live`;
  }

  connect(url) {
    const socket = new WebSocket(url);
    socket.watching = url === this.watch;
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'hello', assembly: this.assemblyId, lastSeq: this.seq, lastAudience: this.audience }));
    };
    socket.onmessage = (event) => this.onMessage(JSON.parse(event.data));
    socket.onclose = (event) => this.onClose(event);
    clearInterval(this.pinger);
    this.pinger = setInterval(() => {
      if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
    }, PING_MS);
  }

  onMessage(message) {
    switch (message.type) {
      case 'snapshot':
        this.view = message.view;
        this.seq = message.seq;
        this.audience = message.audience;
        this.listener.onView(this.view);
        break;
      case 'patch':
        if (message.base !== this.seq || message.audience !== this.audience) {
          // A gap: ask again from what we have; the server answers with the missing patches or a snapshot.
          this.socket.send(JSON.stringify({ type: 'hello', assembly: this.assemblyId, lastSeq: this.seq, lastAudience: this.audience }));
          return;
        }
        this.view = applyMergePatch(this.view, message.patch);
        this.seq = message.seq;
        this.listener.onView(this.view);
        break;
      case 'personal':
        this.socket.greeted = true;
        if (this.socket.watching) this.watchFailures = 0;
        this.me = message.me;
        this.attempt = 0;
        this.setStatus('live');
        this.listener.onPersonal(this.me, message.serverTime);
        for (const [id, command] of this.pending) this.transmit(id, command);
        break;
      case 'signal':
        this.listener.onSignal?.(message);
        break;
      case 'ack':
      case 'error':
        if (message.signal) {
          this.listener.onSignalError?.(message);
        } else if (message.id && this.pending.has(message.id)) {
          const command = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.type === 'ack') command.resolve(message);
          else command.reject(message);
        } else if (message.type === 'error') {
          this.listener.onNotice(message);
        }
        break;
      default:
        break;
    }
  }

  onClose(event) {
    clearInterval(this.pinger);
    if (event.target?.watching && !event.target.greeted) this.watchFailures += 1;
    if (FINAL_CLOSE_CODES.has(event.code)) {
      this.stopped = true;
      this.setStatus('refused', event.reason);
      for (const command of this.pending.values()) command.reject({ code: 'closed', message: event.reason });
      this.pending.clear();
      return;
    }
    this.attempt += 1;
    const delay = Math.min(15000, 500 * 2 ** Math.min(this.attempt - 1, 5)) * (0.75 + Math.random() * 0.5);
    this.setStatus('reconnecting', Math.round(delay / 1000));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  reconnectNow() {
    if (this.stopped || (this.socket && this.socket.readyState === WebSocket.OPEN)) return;
    clearTimeout(this.retryTimer);
    this.open();
  }

  /** Sends a command; resolves with the ack, rejects with the error ({code, message}). Survives reconnects. */
  /** A call signal for the built-in mesh (never queued: a lost one is recovered by the call itself). */
  signal(to, kind, data) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'signal', to, kind, data }));
  }

  send(name, args = {}) {
    const id = commandId();
    return new Promise((resolve, reject) => {
      const command = { name, args, resolve, reject };
      this.pending.set(id, command);
      if (this.me && this.socket && this.socket.readyState === WebSocket.OPEN) this.transmit(id, command);
    });
  }

  transmit(id, command) {
    this.socket.send(JSON.stringify({ type: 'command', id, name: command.name, args: command.args }));
  }

  setStatus(status, detail) {
    this.status = status;
    this.listener.onStatus(status, detail);
  }
}
