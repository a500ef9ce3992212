package io.casedesk.security.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.security.*, as far as the identity set-up reads it.
 *
 * @param demoUsers create the demo users of API.md (password = user id) at start; on in the dev profile only, and
 *                  the prod profile refuses to start with it
 */
@ConfigurationProperties("casedesk.security")
record IdentitySettings(@DefaultValue("false") boolean demoUsers) {}
