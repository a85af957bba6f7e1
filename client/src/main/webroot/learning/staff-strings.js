// Strings of the staff's learning tools (publishing, moderation, progress).
export default {
  fr: {},
  en: {},
};
