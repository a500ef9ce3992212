// casedesk's Tasklist configuration (replaces the webapp's scripts/config.js; the shortcuts are Camunda's defaults)
export default {
  // lists open most urgent first: P1 and VIP (task priority), then least time left (follow-up, due)
  customScripts: ['scripts/casedesk-sorting'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
