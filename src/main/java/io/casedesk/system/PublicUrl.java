package io.casedesk.system;

import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The base of the links in mails: casedesk.public-url when it is set, else this server's own address as it
 * listens (http or https, server.address or localhost, the port it really got — server.port=0 included — and the
 * context path), known once the web server has started.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final String configured;
    private final ServerProperties server;
    private volatile String base;

    PublicUrl(PublicUrlSettings settings, ObjectProvider<ServerProperties> server) {
        this.configured = settings.publicUrl() == null
                ? null
                : withoutTrailingSlash(settings.publicUrl().toString());
        this.server = server.getIfAvailable(ServerProperties::new);
        // until the server has started (or without one, in a test): the port it is configured to take
        Integer port = this.server.getPort();
        this.base = configured != null ? configured : own(port == null || port <= 0 ? 8080 : port);
    }

    /** The base URL without a trailing slash, e.g. http://localhost:8080. */
    public String base() {
        return base;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the application's server, not a separate management server
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        if (configured == null) {
            base = own(event.getWebServer().getPort());
        }
        log.info("Links in mails point to {}", base);
    }

    private String own(int port) {
        boolean tls = server.getSsl() != null && server.getSsl().isEnabled();
        String contextPath = server.getServlet().getContextPath();
        return withoutTrailingSlash((tls ? "https" : "http") + "://" + host(server.getAddress()) + ":" + port
                + (contextPath == null ? "" : contextPath));
    }

    /** server.address when the server listens on one address only; on all of them, localhost reaches it. */
    private static String host(InetAddress address) {
        if (address == null || address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return "localhost";
        }
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
