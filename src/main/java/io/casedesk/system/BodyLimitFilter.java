package io.casedesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over casedesk.api.max-body-bytes with 413, declared or streamed (chunked). File uploads (the
 * candidate DMN tables of the policy simulation) may be larger: they get Spring's multipart request limit instead.
 */
@Component
// also in @WebMvcTest slices, which scan no configuration properties
@EnableConfigurationProperties({ApiLimits.class, MultipartProperties.class})
class BodyLimitFilter extends OncePerRequestFilter {

    /** API paths that take multipart file uploads. */
    static final java.util.Set<String> UPLOAD_PATHS = java.util.Set.of("/api/policy/simulate");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final ProblemWriter problems;

    BodyLimitFilter(ApiLimits limits, MultipartProperties multipart, ProblemWriter problems) {
        this.maxBytes = limits.maxBodyBytes();
        this.maxUploadBytes = multipart.getMaxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = UPLOAD_PATHS.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                ? maxUploadBytes
                : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Request body too large",
                    "The request body is larger than %d bytes".formatted(maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    static class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
