// Tasklist sorts every list by creation date unless its address names a sorting, and the filters' own order is
// overridden by that. So the address gets casedesk's order whenever it has none: priority (P1 and VIP first), then
// the follow-up date (the next SLA deadline), then the due date. An agent's own choice in the list header stays.
const URGENCY = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'followUpDate', sortOrder: 'asc' },
  { sortBy: 'dueDate', sortOrder: 'asc' }
]);

function sortByUrgency() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query || '');
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', URGENCY);
  window.location.replace('#' + path + '?' + params.toString());
}

window.addEventListener('hashchange', sortByUrgency);
sortByUrgency();

export default [];
