package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;

/**
 * casedesk.public-url when set, else this server's own address as it really listens; on a running server (random
 * port): CustomerPagesTest.
 */
@ExtendWith(OutputCaptureExtension.class)
class PublicUrlTest {

    @Test
    void unset_itIsThisServersOwnAddress_withThePortItReallyGot(CapturedOutput output) throws Exception {
        var server = new ServerProperties();
        server.setPort(0);
        PublicUrl url = publicUrl(null, server);
        assertThat(url.base()).as("before the server listens").isEqualTo("http://localhost:8080");

        url.onApplicationEvent(started(41234, null));
        assertThat(url.base()).isEqualTo("http://localhost:41234");
        assertThat(output.getOut()).contains("Links in mails point to http://localhost:41234");
    }

    @Test
    void unset_itFollowsServerAddressTlsAndContextPath() throws Exception {
        var server = new ServerProperties();
        server.setPort(8443);
        server.setAddress(InetAddress.getByName("192.0.2.10"));
        var ssl = new Ssl();
        ssl.setEnabled(true);
        server.setSsl(ssl);
        server.getServlet().setContextPath("/desk");
        assertThat(publicUrl(null, server).base()).isEqualTo("https://192.0.2.10:8443/desk");

        server.setAddress(InetAddress.getByName("0.0.0.0"));
        server.setSsl(null);
        server.getServlet().setContextPath("");
        assertThat(publicUrl(null, server).base()).as("listening everywhere").isEqualTo("http://localhost:8443");
    }

    @Test
    void set_itIsUsedAsIs_whateverThePort(CapturedOutput output) throws Exception {
        PublicUrl url = publicUrl(URI.create("https://support.example.com/"), new ServerProperties());
        url.onApplicationEvent(started(41234, null));
        assertThat(url.base()).isEqualTo("https://support.example.com");
        assertThat(output.getOut()).contains("Links in mails point to https://support.example.com");
    }

    @Test
    void aManagementServer_doesNotChangeIt() throws Exception {
        PublicUrl url = publicUrl(null, new ServerProperties());
        url.onApplicationEvent(started(41234, null));
        url.onApplicationEvent(started(9090, "management"));
        assertThat(url.base()).isEqualTo("http://localhost:41234");
    }

    @Test
    void aRelativeUrl_isRefusedAtStart() {
        assertThatThrownBy(() -> new PublicUrlSettings(URI.create("support.example.com")))
                .hasMessageContaining("casedesk.public-url must be an absolute");
    }

    private static PublicUrl publicUrl(URI configured, ServerProperties server) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("serverProperties", server);
        return new PublicUrl(new PublicUrlSettings(configured), beans.getBeanProvider(ServerProperties.class));
    }

    private static ServletWebServerInitializedEvent started(int port, String namespace) {
        WebServer webServer = mock(WebServer.class);
        when(webServer.getPort()).thenReturn(port);
        var context = mock(ServletWebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        return new ServletWebServerInitializedEvent(webServer, context);
    }
}
