package io.casedesk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium for a browser test class ({@link BrowserTest}): Debian's browser through its chromedriver
 * with a fresh profile, the flags this machine needs (no sandbox as root, no background networking on a closed
 * network), and screenshots in target/screenshots/.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriver driver;

    /** {@code windowSize} as "width,height", e.g. "390,844" for a phone. */
    public HeadlessChromium(Chromium chromium, String windowSize) throws IOException {
        profile = Files.createTempDirectory("casedesk-chromium-");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions()
                .setBinary(chromium.browser().toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile,
                        "--window-size=" + windowSize);
        // the page's console (errors, CSP refusals) for tests to read: driver().manage().logs().get("browser")
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    public WebDriver driver() {
        return driver;
    }

    /** The page as it is now, to target/screenshots/{name}.png. */
    public void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
