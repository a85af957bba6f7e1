// The member's and observer's learning screens: {panels, start?, onView?, onPersonal?} (learning/feature.js).
// What is live comes right after the session's clock (the learning segment running now), then the questions to the
// experts — always in the same place, so that going live never redraws a question being typed — then, after the
// plenary's own panels, the agenda and the materials.
import { agendaPanel } from './agenda.js';
import { materialsPanel } from './materials.js';
import { nowPanel } from './now.js';
import { questionsPanel } from './questions.js';
import { onPersonal, onView } from './mine.js';

export default {
  panels: [
    { region: 'plenary', order: 21, render: nowPanel },
    { region: 'plenary', order: 22, render: questionsPanel },
    { region: 'plenary', order: 91, render: agendaPanel },
    { region: 'plenary', order: 95, render: materialsPanel },
  ],
  onView,
  onPersonal,
};
