// casedesk's settings for Camunda Cockpit; replaces the webapp's own config.js, whose defaults apply to the rest.
export default {
  // the header and the page title read "casedesk Cockpit"
  app: {
    vendor: 'casedesk',
    name: 'Cockpit'
  },
  // no Camunda "first visit" box on the login page
  disableWelcomeMessage: true
};
