package io.casedesk.system;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * casedesk.public-url, read by {@link PublicUrl}.
 *
 * @param publicUrl the base of the links in mails (customer pages, Cockpit), as customers reach this server, e.g.
 *                  https://support.example.com; unset: this server's own address and port (http://localhost:PORT)
 */
@ConfigurationProperties("casedesk")
record PublicUrlSettings(URI publicUrl) {

    PublicUrlSettings {
        if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException("casedesk.public-url must be an absolute http(s) URL, not " + publicUrl);
        }
    }
}
