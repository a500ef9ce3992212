package io.casedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where Debian's headless Chromium and its chromedriver are. A {@link BrowserTest} gets the installation it was
 * checked against as a parameter of its methods (also {@code @BeforeAll}), so the test drives the browser the
 * condition found. Nothing here downloads a browser.
 *
 * @param browser the Chromium executable ({@value #BROWSER_PROPERTY}, default {@code /usr/bin/chromium})
 * @param driver the chromedriver executable ({@value #DRIVER_PROPERTY}, default {@code /usr/bin/chromedriver})
 */
public record Chromium(Path browser, Path driver) {

    public static final String BROWSER_PROPERTY = "casedesk.chromium";
    public static final String DRIVER_PROPERTY = "casedesk.chromedriver";
    static final Path DEFAULT_BROWSER = Path.of("/usr/bin/chromium");
    static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

    /** The executables that are not there (or not executable), in the order browser, driver. */
    List<Path> missing() {
        return Stream.of(browser, driver)
                .filter(path -> !Files.isExecutable(path) || Files.isDirectory(path))
                .toList();
    }
}
