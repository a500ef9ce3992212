package io.casedesk;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * The headless Chromium of a browser test class, started before its first test and closed after its last:
 * {@code @RegisterExtension static final BrowserSession chromium = new BrowserSession("1400,1000");} in a
 * {@link BrowserTest} class (whose condition has skipped the class before this starts when there is no browser).
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final String windowSize;
    private HeadlessChromium chromium;

    /** {@code windowSize} as "width,height", e.g. "390,844" for a phone. */
    public BrowserSession(String windowSize) {
        this.windowSize = windowSize;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium = new HeadlessChromium(BrowserTestCondition.chromium(context), windowSize);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public WebDriver driver() {
        return chromium.driver();
    }

    /** The page as it is now, to target/screenshots/{name}.png. */
    public void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
