// casedesk's settings for Camunda Admin; replaces the webapp's own config.js, whose defaults apply to the rest.
export default {
  // the header and the page title read "casedesk Admin"
  app: {
    vendor: 'casedesk',
    name: 'Admin'
  },
  // no Camunda "first visit" box on the login page
  disableWelcomeMessage: true
};
