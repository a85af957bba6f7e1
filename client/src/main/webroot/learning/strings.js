// Strings of the member's and observer's learning screens (agenda, materials, tasks, questions to experts).
export default {
  fr: {},
  en: {},
};
