// casedesk's settings for Camunda Welcome; replaces the webapp's own config.js, whose defaults apply to the rest.
export default {
  // the header and the page title read "casedesk Welcome"
  app: {
    vendor: 'casedesk',
    name: 'Welcome'
  },
  // no Camunda "first visit" box on the login page
  disableWelcomeMessage: true
};
