// The live stream's own page (/stream/<assembly>, framed by the observer page): plays an HLS playlist with hls.js
// where the browser cannot play HLS itself (Chromium), natively where it can (Safari). Subtitle tracks the stream
// carries become the video's text tracks, which its controls offer. The page asks for no camera or microphone.
const video = document.getElementById('stream');
const problem = document.getElementById('stream-problem');

function failed() {
  problem.textContent = problem.dataset.text;
  problem.hidden = false;
}

if (video) {
  const src = video.dataset.src;
  const Hls = window.Hls;
  if (Hls && Hls.isSupported()) {
    const hls = new Hls({ enableWorker: false, renderTextTracksNatively: true, subtitleDisplay: true });
    hls.on(Hls.Events.ERROR, (event, data) => { if (data.fatal) failed(); });
    hls.loadSource(src);
    hls.attachMedia(video);
    window.assemblyHubStream = hls; // for the browser tests
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = src;
    video.addEventListener('error', failed);
  } else {
    failed();
  }
}
