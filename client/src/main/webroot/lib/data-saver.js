// Data saver, for members on a weak or metered connection: the browser says so (Save-Data, or a 2G/3G connection), or
// the person chose audio-only in a call (remembered on this device: a weak link stays weak from one evening to the
// next). Then a group call starts with the camera off and a learning talk loads only when played.
const AUDIO_ONLY_KEY = 'assembly-hub.audio-only';

export function audioOnlyChosen() {
  return localStorage.getItem(AUDIO_ONLY_KEY) === 'yes';
}

export function chooseAudioOnly(on) {
  localStorage.setItem(AUDIO_ONLY_KEY, on ? 'yes' : 'no');
}

export function dataSaver() {
  const link = navigator.connection;
  return Boolean(link?.saveData) || ['slow-2g', '2g', '3g'].includes(link?.effectiveType) || audioOnlyChosen();
}
