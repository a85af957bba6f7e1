// The selection of the members by lot: the organiser's desk, and the public account of the draw that everyone —
// observers first — can read and check. docs/sortition.md is the contract.
import strings from './strings.js';
import { deskPanel } from './desk.js';
import { publicPanel } from './public.js';

export default {
  name: 'sortition',
  strings,
  panels: [
    { region: 'wide', order: 20, roles: ['organiser'], render: deskPanel },
    { region: 'plenary', order: 95, render: publicPanel },
  ],
};
