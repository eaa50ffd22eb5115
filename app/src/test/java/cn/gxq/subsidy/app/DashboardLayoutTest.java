package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What people see, in a real headless Chromium at 1400 and 420 px against {@link DashboardStub}'s
 * answers (the longest figures and words the page meets, without a broker): no text anywhere on the
 * dashboard, an application's page or a what-if run is cut off, sticks out or is drawn below 11 px;
 * recognitions are counted, never shown as an amount; the what-if view puts changed buckets first
 * and hides the all-zero ones until asked; an application's page writes money as the rest of the
 * dashboard does and its reasons in Chinese and English. Pictures in {@code target/layout-*.png}.
 */
@Timeout(180)
class DashboardLayoutTest {

  private static final int[] WIDTHS = {1400, 420};
  private static final Pattern RAW_AMOUNT = Pattern.compile("\\d{4,}\\.\\d\\d");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

  private static DashboardStub stub;
  private static DashboardPage page;

  @BeforeAll
  static void open() throws Exception {
    DashboardPage.requireBrowser();
    stub = new DashboardStub();
    page = new DashboardPage(stub.url());
  }

  @AfterAll
  static void close() {
    if (page != null) {
      page.close();
    }
    if (stub != null) {
      stub.close();
    }
  }

  @Test
  void noTextIsCutOffOnTheDashboard() throws Exception {
    for (int width : WIDTHS) {
      show(width, "/");
      page.until(
          p -> p.texts("#chart-budget rect").size() > 5 && p.texts("#latest tbody tr").size() == 3,
          () -> page.text("#chart-budget"));
      settle();
      page.screenshot(Path.of("target", "layout-dashboard-" + width + ".png"));
      assertThat(page.clippedTexts()).as("cut off at %d px", width).isEmpty();
      assertThat(page.attributes("#chart-budget text.value", "data-text"))
          .contains("已用 used 100% of ¥3,000万 · 余额 left ¥1,186 · 候补 waitlisted 739");
    }
  }

  @Test
  void noTextIsCutOffOnAnApplicationsPageAndItsMoneyIsWrittenAsEverywhere() throws Exception {
    for (int width : WIDTHS) {
      show(width, "/#/applications/" + DashboardStub.AMOUNTS);
      page.until(p -> p.texts("#history li").size() == 3, () -> page.text("#app-message"));
      settle();
      page.script("document.getElementById('application').scrollIntoView();");
      page.screenshot(Path.of("target", "layout-application-" + width + ".png"));
      assertThat(page.clippedTexts()).as("cut off at %d px", width).isEmpty();

      assertThat(page.text("#app-current [data-field='approved']")).isEqualTo("¥144,849,160.68");
      assertThat(lines("#app-current [data-field='approved'] .amount")).isEqualTo(1);
      assertThat(RAW_AMOUNT.matcher(page.text("#application")).find())
          .as("an amount written raw in: %s", page.text("#application"))
          .isFalse();
      assertThat(page.text("#app-current .reasons-list"))
          .contains("840.29 left of 30,000,000.00")
          .contains("needs 134,300.00")
          .contains("in line with 98,765,432.10");
      assertThat(page.texts("#app-current .reasons-list li"))
          .hasSize(2)
          .allSatisfy(r -> assertThat(bilingual(r)).as("Chinese and English in %s", r).isTrue());
      assertThat(page.texts("#app-current .reasons-list li .en"))
          .containsExactly(" eligible", " approved from the waitlist");
      assertThat(page.texts("#history .reason .reason-zh")).hasSize(3).allMatch(t -> !t.isBlank());
      assertThat(page.texts("#history li .when")).allMatch(DashboardLayoutTest::bilingual);
      assertThat(page.text("#app-details tr[data-detail='landlordStateOwned'] td.value"))
          .isEqualTo("是 yes");
      assertThat(page.text("#app-details tr[data-detail='otherRelatedRatio'] td.value"))
          .isEqualTo("0.10");
      assertThat(page.text("#app-details tr[data-detail='sizeClass'] td.value"))
          .isEqualTo("小型 SMALL");
    }
  }

  @Test
  void aRecognitionIsCountedNeverShownAsAnAmount() throws Exception {
    show(1400, "/#/applications/" + DashboardStub.RECOGNITION);
    page.until(p -> p.texts("#history li").size() == 1, () -> page.text("#app-message"));
    assertThat(page.text("#app-current [data-field='approved']"))
        .isEqualTo("入库 recognised · 不计金额 not an amount");
    assertThat(page.text("#application")).doesNotContain("¥").doesNotContain("0.00");
    page.until(p -> p.texts("#latest tbody tr").size() == 3);
    final String row =
        (String)
            page.script(
                "return document.querySelector(\"#latest tr[data-key^='"
                    + DashboardStub.RECOGNITION
                    + "']\").textContent;");
    assertThat(row).contains("入库 recognised").doesNotContain("¥");

    show(1400, "/?whatif=" + DashboardStub.WHAT_IF);
    page.until(p -> !p.texts("#whatif-changes tbody tr").isEmpty());
    assertThat(page.text("#whatif-changes tr[data-id='TSE-2022-100003'] td.num"))
        .isEqualTo("不计金额 not an amount");
    assertThat(page.attributes("#chart-whatif g[data-kind='RECOGNITION'] text.value", "data-text"))
        .containsExactly("1,187 家 recognised", "1,190 家 recognised");
  }

  @Test
  void theWhatIfViewShowsChangedBucketsFirstAndHidesAllZeroOnesUntilAsked() throws Exception {
    final int all = 5 * 4 * DashboardStub.WHAT_IF_YEARS;
    for (int width : WIDTHS) {
      show(width, "/?whatif=" + DashboardStub.WHAT_IF);
      page.until(
          p -> !p.texts("#chart-whatif g[data-zone]").isEmpty(),
          () -> page.text("#whatif-message"));
      settle();
      page.script("document.getElementById('whatif').scrollIntoView();");
      page.screenshot(Path.of("target", "layout-whatif-" + width + ".png"));
      assertThat(page.clippedTexts()).as("cut off at %d px", width).isEmpty();
      assertThat(page.attributes("#chart-whatif g[data-zone]", "data-changed"))
          .containsExactly("true", "true", "true", "false");
      assertThat(page.text("#whatif-zero"))
          .contains("显示 " + (all - DashboardStub.NON_ZERO_BUCKETS) + " 个")
          .contains("show the " + (all - DashboardStub.NON_ZERO_BUCKETS) + " all-zero buckets");
      final long height =
          ((Number) page.script("return document.getElementById('whatif').offsetHeight;"))
              .longValue();
      assertThat(height).as("the what-if section's height at %d px", width).isLessThan(4000);

      page.click("#whatif-zero");
      page.until(p -> p.texts("#chart-whatif g[data-zone]").size() == all);
      assertThat(page.text("#whatif-zero")).contains("hide the");
      assertThat(page.clippedTexts()).as("all buckets, cut off at %d px", width).isEmpty();
      page.click("#whatif-zero");
      page.until(
          p -> p.texts("#chart-whatif g[data-zone]").size() == DashboardStub.NON_ZERO_BUCKETS);
    }
  }

  private static void show(int width, String path) throws Exception {
    page.resize(width, 1400);
    page.open(stub.url() + path);
    page.until(p -> ((Number) p.script("return window.innerWidth;")).intValue() <= width);
  }

  /** Waits for the renders that follow the answers and the resize. */
  private static void settle() throws InterruptedException {
    Thread.sleep(800);
  }

  /** How many lines the element's text takes. */
  private static int lines(String css) {
    final List<?> rects =
        (List<?>)
            page.script(
                "return Array.from(document.querySelector(arguments[0]).getClientRects())"
                    + ".map(r => r.top);",
                css);
    return (int) rects.stream().distinct().count();
  }

  static boolean bilingual(String text) {
    return CHINESE.matcher(text).find() && ENGLISH.matcher(text).find();
  }
}
