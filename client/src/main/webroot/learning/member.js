// The member's and observer's learning screens: {panels, start?, onView?, onPersonal?} (learning/feature.js).
export default { panels: [] };
