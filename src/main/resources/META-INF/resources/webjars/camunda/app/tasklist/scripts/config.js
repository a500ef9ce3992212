// casedesk's settings for Camunda Tasklist; replaces the webapp's own config.js, whose defaults apply to the rest.
export default {
  // the header and the page title read "casedesk Tasklist"
  app: {
    vendor: 'casedesk',
    name: 'Tasklist'
  },
  // no Camunda "first visit" box on the login page
  disableWelcomeMessage: true,
  // lists open most urgent first: P1 and VIP (task priority), then least time left (follow-up, due)
  customScripts: ['scripts/casedesk-sorting'],
  // Tasklist has no keyboard shortcuts unless its config.js names them
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claim the selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'focus the first filter'},
    focusList: {key: 'ctrl+alt+l', description: 'focus the first task of the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'focus the first field of the task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'start a process'}
  }
};
