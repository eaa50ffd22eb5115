package cn.gxq.subsidy.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): opens it, waits, and reads what it shows. Every read is one script, since the
 * page re-renders on every event and element handles kept across calls would go stale.
 */
final class DashboardPage implements AutoCloseable {

  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/bin/chromium");

  private final WebDriver driver;
  private final WebDriverWait wait;

  /** The dashboard of a secured instance, trusting its self-signed certificate as a user would. */
  static DashboardPage acceptingItsCertificate(String url) throws Exception {
    return new DashboardPage(url, true);
  }

  DashboardPage(String url) throws Exception {
    this(url, false);
  }

  private DashboardPage(String url, boolean acceptCertificate) throws Exception {
    final Path profile = Files.createTempDirectory("chromium-profile");
    final ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1400,1800");
    options.setAcceptInsecureCerts(acceptCertificate);
    final ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    wait.pollingEvery(Duration.ofMillis(250));
    driver.manage().window().setSize(new Dimension(1400, 1800));
    driver.get(url + "/");
  }

  /** Skipped on a workstation without the browser; on CI (CI=true) its absence is a failure. */
  static void requireBrowser() {
    final boolean present = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI=true but /usr/bin/chromedriver or /usr/bin/chromium is missing:"
              + " apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present,
        "no /usr/bin/chromedriver: apt-get install chromium"
            + " chromium-driver to run the browser test");
  }

  void until(Predicate<DashboardPage> done) {
    until(done, () -> "");
  }

  /** Waits for {@code done}; on timeout fails saying what the page showed instead. */
  void until(Predicate<DashboardPage> done, Supplier<String> shown) {
    try {
      wait.until(d -> done.test(this));
    } catch (TimeoutException e) {
      throw new AssertionError("the page did not get there: " + shown.get(), e);
    }
  }

  /** Text of every element matching {@code css}. */
  @SuppressWarnings("unchecked")
  List<String> texts(String css) {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);",
            css);
  }

  /** An attribute of every element matching {@code css} (null where absent). */
  @SuppressWarnings("unchecked")
  List<String> attributes(String css, String attribute) {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.getAttribute(arguments[1]));",
            css,
            attribute);
  }

  /** The one element matching {@code css}'s text, or "" when there is none. */
  String text(String css) {
    final List<String> t = texts(css);
    return t.isEmpty() ? "" : t.get(0);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  void search(String applicationId) {
    final WebElement box = driver.findElement(By.id("search-id"));
    box.clear();
    box.sendKeys(applicationId);
    driver.findElement(By.cssSelector("#search button")).click();
  }

  /** Loads {@code url} afresh, as typed into the address bar. */
  void open(String url) {
    driver.get(url);
  }

  /** Types {@code text} into the input {@code inputId} and presses the button {@code button}. */
  void enter(String inputId, String text, String button) {
    final WebElement box = driver.findElement(By.id(inputId));
    box.clear();
    box.sendKeys(text);
    driver.findElement(By.cssSelector(button)).click();
  }

  /** Clicks the first element matching {@code css}. */
  void click(String css) {
    driver.findElement(By.cssSelector(css)).click();
  }

  /** Makes the browser window {@code width} CSS pixels wide. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  void screenshot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
