package io.casedesk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.api.*: limits of the service API.
 *
 * @param maxBodyBytes the largest request body the API reads, in bytes; a larger one gets 413 problem+json (file
 *                     uploads have spring.servlet.multipart.max-request-size instead)
 */
@ConfigurationProperties("casedesk.api")
record ApiLimits(@DefaultValue("65536") long maxBodyBytes) {}
