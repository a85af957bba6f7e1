// The member's and observer's learning screens: {panels, start?, onView?, onPersonal?} (learning/feature.js).
// What is live comes right after the session's clock (the learning segment running now, the questions while Q&A is
// live); the agenda, the questions and the materials follow the plenary's own panels.
import { agendaPanel } from './agenda.js';
import { materialsPanel } from './materials.js';
import { nowPanel } from './now.js';
import { questionsPanel, liveQuestionsPanel } from './questions.js';
import { onPersonal, onView } from './mine.js';

export default {
  panels: [
    { region: 'plenary', order: 21, render: nowPanel },
    { region: 'plenary', order: 22, render: liveQuestionsPanel },
    { region: 'plenary', order: 91, render: agendaPanel },
    { region: 'plenary', order: 93, render: questionsPanel },
    { region: 'plenary', order: 95, render: materialsPanel },
  ],
  onView,
  onPersonal,
};
