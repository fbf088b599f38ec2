package org.newsdesk.e2e.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through the system chromedriver, with a fresh profile of its own (so
 * every user starts signed out). Nothing is downloaded: Selenium Manager is bypassed by naming both binaries.
 */
final class ChromiumBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NEWSDESK_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("NEWSDESK_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Selenium warns on every start that it has no CDP bindings for this Chromium; the tests use none. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");
    private static final java.util.logging.Logger CHROMIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.chromium");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        CHROMIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    ChromiumBrowser() throws IOException {
        profile = Files.createTempDirectory("newsdesk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--disable-default-apps", "--password-store=basic", "--lang=en-GB",
                "--window-size=1366,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the address contains {@code part}. */
    void awaitUrl(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    void awaitText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(300));
    }

    /** Signs in on Keycloak's own login page, which the service redirected to. */
    void signInOnKeycloak(String user, String password) {
        find("#username");
        type("#username", user);
        type("#password", password);
        click("#kc-login");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs an async script (its last argument is the callback) and returns what it passed back. */
    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Whether a JavaScript dialog (e.g. an injected alert) is open. */
    boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Saves a PNG of the whole page (up to {@value #MAX_SHOT_HEIGHT} px tall), scrolled to the top, into {@code target}. */
    void screenshot(Path target) throws IOException {
        script("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); }");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Object content = metrics.get("cssContentSize");
        double width = 1366;
        double height = 1000;
        if (content instanceof Map<?, ?> size) {
            width = ((Number) size.get("width")).doubleValue();
            height = Math.min(MAX_SHOT_HEIGHT, ((Number) size.get("height")).doubleValue());
        }
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true, "fromSurface", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(target.getParent());
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
    }

    static final int MAX_SHOT_HEIGHT = 3000;

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // a temp folder; leaving it behind does no harm
            }
        }
    }
}
