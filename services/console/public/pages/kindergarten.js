import { h } from '../ui.js';

// KINDERGARTEN (issue 6 point 6) — place reserved for the kindergarten campaign's pages: the board
// of cases by category and step, the ledger upload with its per-row report, and the case page with
// its steps and holds. They are built once the kindergarten API (services/kindergarten) is ready;
// app.js already routes `#/kindergarten` here for every role.
export function kindergartenPage(container) {
  container.replaceChildren(
    h('h1', {}, '幼儿园专项治理'),
    h('div', { class: 'placeholder' }, '幼儿园专项治理的看板、台账上传与案件页面正在建设中。'),
  );
}
