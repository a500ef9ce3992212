package io.casedesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Our HTML error pages (a browser that hits an unknown or forbidden URL, an error on a customer page): a plain
 * page in the customer pages' style with nothing from the exception, never a stack trace or a server version,
 * with the same strict Content-Security-Policy as the customer pages. API errors stay problem+json (ApiProblems).
 */
@Component
public class ErrorPages implements ErrorViewResolver {

    /**
     * The pages we render ourselves (customer pages, their 429 page, error pages): no inline script, scripts, styles
     * and images only from us (the one script sends a one-click survey score), forms post only to us, never framed.
     */
    public static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'";

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var page = new ModelAndView(new ErrorPage(status));
        page.setStatus(status);
        return page;
    }

    private record ErrorPage(HttpStatus status) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws java.io.IOException {
            write(status, response);
        }
    }

    /** Our page for this status, with the pages' CSP, as the whole response body (the caller sets the status). */
    static void write(HttpStatus status, HttpServletResponse response) throws java.io.IOException {
        String[] text = text(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", CSP);
        response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="en">
                    <head>
                      <meta charset="utf-8">
                      <meta name="viewport" content="width=device-width, initial-scale=1">
                      <title>%s — casedesk</title>
                      <link rel="stylesheet" href="/customer.css">
                    </head>
                    <body>
                    <main>
                      <h1>%s</h1>
                      <p>%s</p>
                    </main>
                    </body>
                    </html>
                    """.formatted(text[0], text[0], text[1]));
    }

    private static String[] text(HttpStatus status) {
        return switch (status.value()) {
            case 401, 403 ->
                new String[] {
                    "Not available",
                    "This page is not available to you. If you followed a link from one of our mails, please "
                            + "reply to that mail instead."
                };
            case 404 ->
                new String[] {
                    "Page not found",
                    "There is nothing at this address. If you followed a link from one of our mails, it may have "
                            + "expired; simply reply to the mail."
                };
            case 429 ->
                new String[] {
                    "Please wait a moment",
                    "We received many requests from your network in a short time. Please try again in a minute."
                };
            case 503 ->
                new String[] {
                    "Back in a minute",
                    "Our service is briefly unavailable. Please try again in a minute; if you were sending us an "
                            + "answer, it has not been saved yet, so please send it again then."
                };
            default ->
                status.is5xxServerError()
                        ? new String[] {
                            "Something went wrong",
                            "Something went wrong on our side. Please try again later; nothing you sent was lost."
                        }
                        : new String[] {
                            "This request cannot be handled",
                            "Please check the address, or reply to the last mail we sent you."
                        };
        };
    }
}
