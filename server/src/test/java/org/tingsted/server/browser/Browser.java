package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven through Debian's chromedriver, with a
 * fresh profile of its own. Nothing is downloaded: the driver's path is given, so Selenium
 * Manager never runs. Elements are found by the web client's {@code data-test} hooks, and every
 * wait is an explicit one.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(15);

  /** A tablet in the room. */
  static final int TABLET_WIDTH = 1024;
  static final int TABLET_HEIGHT = 768;

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  /** The browser console, kept across reads (the driver hands each entry out once). */
  private final List<String> console = new ArrayList<>();

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  /**
   * Skips the calling test when there is no browser on this machine, and fails it when CI is
   * set: CI installs chromium and chromedriver (.ci/run), so a missing one there is a broken run.
   */
  static void requireChromium() {
    boolean there = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!there) {
      String why = "the browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and "
          + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
      if (System.getenv("CI") != null) {
        fail(why + "; CI is set, so a missing browser fails the run");
      }
      Assumptions.abort(why + "; skipped, as CI is not set");
    }
  }

  /** Opens a browser with a window of this size. */
  static Browser open(int width, int height) {
    requireChromium();
    Path profile;
    try {
      profile = Files.createTempDirectory("tingsted-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--lang=da",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
      // The page's own size, whatever the window decorations: a tablet's viewport exactly.
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
          "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
      return new Browser(driver, service, profile);
    } catch (RuntimeException e) {
      service.stop();
      delete(profile);
      throw e;
    }
  }

  static Browser tablet() {
    return open(TABLET_WIDTH, TABLET_HEIGHT);
  }

  /** The selector of a data-test hook. */
  static By hook(String name) {
    return By.cssSelector("[data-test=\"" + name + "\"]");
  }

  /** The selector of a data-test hook with a data-id. */
  static By hook(String name, String id) {
    return By.cssSelector("[data-test=\"" + name + "\"][data-id=\"" + id + "\"]");
  }

  void go(String url) {
    driver.get(url);
  }

  WebDriverWait waiting() {
    var wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
    wait.withMessage(() -> "the page says: " + messages() + "; browser console: " + consoleLines());
    return wait;
  }

  <T> T until(Function<WebDriver, T> condition) {
    return waiting().until(condition);
  }

  WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement present(By by) {
    return until(ExpectedConditions.presenceOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return until(ExpectedConditions.elementToBeClickable(by));
  }

  /** Waits until an element matching the selector shows this text somewhere in it. */
  WebElement withText(By by, String text) {
    return until(d -> d.findElements(by).stream()
        .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Waits until the member app or the console says it is connected. */
  void awaitStatus(String state) {
    until(d -> {
      var found = d.findElements(By.cssSelector("[data-test=\"status\"][data-state=\"" + state + "\"]"));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  /** What the page tells the person: its alerts and status lines, for reading a failure. */
  String messages() {
    try {
      return String.valueOf(script("return Array.from(document.querySelectorAll('[role=alert],[role=status]'))"
          + ".map(e => e.textContent.trim()).filter(t => t).join(' | ');"));
    } catch (RuntimeException e) {
      return "?";
    }
  }

  /** What the page wrote to its console so far (errors, CSP reports, logs). */
  synchronized List<String> consoleLines() {
    try {
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        console.add(entry.getLevel() + " " + entry.getMessage());
      }
    } catch (RuntimeException e) {
      // The log is a help for reading failures, never a reason for one.
    }
    return List.copyOf(console);
  }

  /** The console's errors, without the browser's own noise (e.g. the favicon). */
  List<String> consoleErrors() {
    return consoleLines().stream()
        .filter(line -> line.startsWith("SEVERE"))
        .filter(line -> !line.contains("favicon.ico"))
        .toList();
  }

  /** Cuts this browser off the network, or brings it back, with Chrome's network emulation. */
  void network(boolean online) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
        "offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** Saves a screenshot of the viewport as a PNG. */
  void screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      delete(profile);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      // A temporary profile left behind is no failure.
    }
  }
}
