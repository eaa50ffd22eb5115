package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the demo feed running in-process on a real broker: charts and the latest decisions
 * appear, then change as new decisions arrive. Saves a screenshot to {@code target/dashboard.png}.
 * With {@code -Ddashboard.url=http://…} it looks at a running {@code run --demo} instead. Without
 * chromedriver it is skipped on a workstation and fails on CI.
 */
class DashboardBrowserTest {

  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/bin/chromium");

  @Test
  @Timeout(240)
  void chartsAndLatestDecisionsAppearAndUpdate() throws Exception {
    requireBrowser();
    final String external = System.getProperty("dashboard.url");
    if (external != null) {
      check(external);
      return;
    }
    try (ClusterFixture cluster = new ClusterFixture(3)) {
      final ClusterFixture.Instance instance = cluster.startInstance("dashboard-it");
      cluster.awaitRunning(Duration.ofSeconds(90));
      final ByteArrayOutputStream progress = new ByteArrayOutputStream();
      try (DemoFeed feed =
          new DemoFeed(
                  ClientConfig.load(null, cluster.bootstrap()),
                  cluster.client,
                  cluster.topics,
                  500,
                  25,
                  instance.served()::decisionsSeen,
                  new PrintStream(progress, true, StandardCharsets.UTF_8))
              .start()) {
        check(instance.url());
        assertThat(feed.published().get("rent-relief")).isPositive();
      }
    }
  }

  private static void check(String url) throws Exception {
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
    final ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    final WebDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().window().setSize(new Dimension(1400, 1800));
      driver.get(url + "/");
      final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
      wait.pollingEvery(Duration.ofMillis(250));
      wait.until(
          d ->
              !texts(d, "#chart-approved rect").isEmpty()
                  && !texts(d, "#chart-budget rect").isEmpty()
                  && !texts(d, "#chart-status rect").isEmpty()
                  && !texts(d, "#latest tbody tr").isEmpty());

      assertThat(texts(driver, "h1")).singleElement().asString().contains("Subsidy decisions");
      assertThat(texts(driver, "#chart-approved text")).anyMatch(t -> t.contains("中关村 ZGC"));
      assertThat(texts(driver, "#chart-budget text")).anyMatch(t -> t.contains("% of ¥"));
      assertThat(texts(driver, "#health")).containsExactly("streams RUNNING");
      assertThat(texts(driver, "#latest .status"))
          .isNotEmpty()
          .allMatch(s -> List.of("APPROVED", "REJECTED", "WAITLISTED", "WITHDRAWN").contains(s));

      // Live: the newest decision and the received count move on without a reload.
      final String firstRow = firstRowKey(driver);
      final String received = tile(driver, "received");
      wait.until(d -> !firstRowKey(d).equals(firstRow) && !tile(d, "received").equals(received));
      assertThat(texts(driver, "#live")).containsExactly("live");

      Thread.sleep(1500); // let the last render settle before the picture
      final byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "dashboard.png"), png);
    } finally {
      driver.quit();
    }
  }

  /**
   * Text of every element matching {@code css}, read in one script: the page re-renders on every
   * event, so element handles kept across calls would go stale.
   */
  @SuppressWarnings("unchecked")
  private static List<String> texts(WebDriver driver, String css) {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);",
                css);
  }

  private static String firstRowKey(WebDriver driver) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const r = document.querySelector('#latest tbody tr');"
                    + " return r ? r.getAttribute('data-key') : '';");
  }

  private static String tile(WebDriver driver, String name) {
    final List<String> t = texts(driver, "[data-tile='" + name + "']");
    return t.isEmpty() ? "" : t.get(0);
  }

  /** Skipped on a workstation without the browser; on CI (CI=true) its absence is a failure. */
  private static void requireBrowser() {
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
}
