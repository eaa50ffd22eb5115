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

  /**
   * Every visible text on the page that is cut off or sticks out, each named with where it is and
   * why: an HTML text whose box is narrower than its content (scrollWidth over clientWidth), or
   * that extends past an ancestor that clips it or past the screen (a table scrolling in its own
   * box is fine: it can be scrolled to), or a number in it broken over two lines; an input whose
   * placeholder does not fit; an SVG text outside its chart, over another text of its chart, or
   * drawn smaller than 11 px.
   */
  @SuppressWarnings("unchecked")
  List<String> clippedTexts() {
    return (List<String>) script(CLIPPED_TEXTS);
  }

  private static final String CLIPPED_TEXTS =
      """
      const out = [];
      const viewport = document.documentElement.clientWidth;
      const say = (e, text, why) => {
        const parts = [];
        for (let x = e; x && x !== document.body && parts.length < 4; x = x.parentElement) {
          parts.unshift(x.tagName.toLowerCase() + (x.id ? '#' + x.id : '')
            + (x.getAttribute('class') ? '.' + x.getAttribute('class').trim().split(/\\s+/).join('.') : ''));
        }
        out.push(parts.join(' > ') + " '" + text.trim().slice(0, 80) + "': " + why);
      };
      const shown = e => getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length > 0;
      const outside = (r, c) => r.left < c.left - 1 || r.right > c.right + 1;
      // Past an ancestor that clips it, up to the first that scrolls; past the screen if none does.
      const clipped = (e, r) => {
        for (let a = e.parentElement; a; a = a.parentElement) {
          const overflow = getComputedStyle(a).overflowX;
          if (overflow === 'auto' || overflow === 'scroll') return null;
          if (overflow !== 'visible' && a !== document.documentElement && a !== document.body
              && outside(r, a.getBoundingClientRect())) return 'cut off by ' + a.tagName.toLowerCase()
                + (a.id ? '#' + a.id : '') + (a.className ? '.' + a.className : '');
        }
        return r.left < -1 || r.right > viewport + 1 ? 'past the screen (' + Math.round(r.right) + ' > '
          + viewport + ')' : null;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const boxes = new Set();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || !parent || parent.closest('svg, script, style, select')
            || !shown(parent)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          const why = r.width > 0 ? clipped(parent, r) : null;
          if (why) { say(parent, node.textContent, why); break; }
        }
        // A number over two lines reads as two numbers ("144849160.6" and "8").
        for (const m of node.textContent.matchAll(/\\d[\\d,.]{3,}\\d/g)) {
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
          if (tops.size > 1) say(parent, m[0], 'a number broken across lines');
        }
        let box = parent;
        while (box.parentElement && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
        if (boxes.has(box)) continue;
        boxes.add(box);
        const overflow = getComputedStyle(box).overflowX;
        if (overflow !== 'auto' && overflow !== 'scroll' && box.scrollWidth > box.clientWidth + 1) {
          say(box, box.textContent, 'wider than its box (' + box.scrollWidth + ' > ' + box.clientWidth + ')');
        }
      }
      // A placeholder, measured as a span in the input's font (a canvas measures missing glyphs
      // otherwise than the page draws them).
      const ruler = document.createElement('span');
      ruler.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;left:0;top:0';
      document.body.appendChild(ruler);
      for (const input of document.querySelectorAll('input[placeholder]')) {
        if (input.value || !shown(input)) continue;
        const style = getComputedStyle(input);
        ruler.style.font = style.font;
        ruler.textContent = input.placeholder;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (ruler.getBoundingClientRect().width > room + 1) {
          say(input, input.placeholder, 'placeholder wider than the box');
        }
      }
      ruler.remove();
      for (const svg of document.querySelectorAll('svg')) {
        if (!shown(svg)) continue;
        const box = svg.getBoundingClientRect();
        const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
        const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
        const rects = texts.map(t => t.getBoundingClientRect());
        texts.forEach((t, i) => {
          const r = rects[i];
          if (outside(r, box) || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            say(t, t.textContent, 'outside its chart');
          }
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (px < 11) say(t, t.textContent, 'drawn at ' + px.toFixed(1) + ' px');
          for (let j = i + 1; j < texts.length; j++) {
            const o = rects[j];
            if (r.left < o.right - 1 && o.left < r.right - 1 && r.top < o.bottom - 1 && o.top < r.bottom - 1) {
              say(t, t.textContent + "' over '" + texts[j].textContent, 'texts overlap');
            }
          }
        });
      }
      return out;
      """;

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
