// The staff's learning tools: {panels, start?, onView?, onPersonal?} (learning/feature.js).
export default { panels: [] };
