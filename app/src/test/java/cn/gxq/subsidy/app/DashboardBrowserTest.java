package cn.gxq.subsidy.app;

import static cn.gxq.subsidy.app.HttpClientSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.start.DemoFeed;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.rules.CreditCode;
import cn.gxq.subsidy.whatif.WhatIf;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard in a real headless Chromium against the demo feed running in-process on a real
 * broker: charts and the latest decisions appear and change as decisions arrive; then, with the
 * feed stopped, every figure is compared with what {@code /totals} says. Unlike money is shown
 * apart, budget left per kind, a bucket without a budget is marked, the year menu offers only years
 * with real applications, a search opens an application with its decision history, headers and
 * statuses are in Chinese and English, and at 420 px the page does not overflow sideways; at both
 * widths no text is cut off or sticks out ({@link DashboardPage#clippedTexts}). A what-if result
 * written where {@code GET /whatif/{name}} reads it is shown as it is (buckets, changed
 * applications), again without adding unlike money, and unknown or bad run names are said so. Saves
 * screenshots to {@code target/dashboard.png} and {@code target/dashboard-420.png}. With {@code
 * -Ddashboard.url=http://…} it looks at a running {@code run --demo} instead (searching for the
 * newest decision's application). Without chromedriver it is skipped on a workstation and fails on
 * CI.
 */
class DashboardBrowserTest {

  /** An enterprise of a zone without any budget, whose application is amended once. */
  private static final String ZONE_WITHOUT_BUDGET = "HZ";

  private static final String AMENDED = "RR-2022-BROWSER-1";
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
  private static final List<String> STATUSES =
      List.of("已批准 APPROVED", "候补中 WAITLISTED", "已驳回 REJECTED", "已撤回 WITHDRAWN");

  private static final String WHAT_IF = "dashboard_it";

  /**
   * A what-if comparison as {@code whatif} writes it: four kinds of money, a bucket of {@link
   * #AMENDED} (so its link opens a real application), changes of both causes, one not decided live.
   */
  private static final String WHAT_IF_JSON =
      """
      {"applications": 4321, "changed": 4, "changedByRules": 2, "changedByCompetition": 2,
       "buckets": [
        {"zone": "HZ", "programme": "RENT_RELIEF", "year": 2022,
         "live": {"approved": 1, "approvedAmount": "27000.00", "waitlisted": 0, "rejected": 0},
         "candidate": {"approved": 1, "approvedAmount": "54000.00", "waitlisted": 0, "rejected": 0}},
        {"zone": "XA", "programme": "TECH_SME_EVALUATION", "year": 2022,
         "live": {"approved": 1, "approvedAmount": "0.00", "waitlisted": 0, "rejected": 3},
         "candidate": {"approved": 2, "approvedAmount": "0.00", "waitlisted": 0, "rejected": 2}},
        {"zone": "ZGC", "programme": "INNOVATION_CREDIT_LOAN", "year": 2022,
         "live": {"approved": 2, "approvedAmount": "3000000.00", "waitlisted": 1, "rejected": 0},
         "candidate": {"approved": 3, "approvedAmount": "4500000.00", "waitlisted": 0, "rejected": 0}},
        {"zone": "ZGC", "programme": "RD_SUPER_DEDUCTION", "year": 2022,
         "live": {"approved": 5, "approvedAmount": "812345.67", "waitlisted": 0, "rejected": 1},
         "candidate": {"approved": 5, "approvedAmount": "912345.67", "waitlisted": 0, "rejected": 1}},
        {"zone": "ZGC", "programme": "RENT_RELIEF", "year": 2022,
         "live": {"approved": 3, "approvedAmount": "45000.00", "waitlisted": 1, "rejected": 2},
         "candidate": {"approved": 4, "approvedAmount": "60000.50", "waitlisted": 0, "rejected": 2}},
        {"zone": "ZJ", "programme": "RENT_RELIEF", "year": 2022,
         "live": {"approved": 2, "approvedAmount": "24000.00", "waitlisted": 0, "rejected": 0},
         "candidate": {"approved": 1, "approvedAmount": "12000.00", "waitlisted": 1, "rejected": 0}}
       ],
       "changes": [
        {"applicationId": "ICL-2022-WHATIF-1", "programme": "INNOVATION_CREDIT_LOAN",
         "cause": "COMPETITION",
         "live": {"status": "WAITLISTED", "requestedAmount": "1500000.00", "approvedAmount": "0.00",
                  "reasons": ["BUDGET_EXHAUSTED"]},
         "candidate": {"status": "APPROVED", "requestedAmount": "1500000.00",
                       "approvedAmount": "1500000.00", "reasons": ["LOAN_TIER"]}},
        {"applicationId": "RR-2022-BROWSER-1", "programme": "RENT_RELIEF", "cause": "RULES",
         "live": {"status": "APPROVED", "requestedAmount": null, "approvedAmount": "27000.00",
                  "reasons": ["RENT_RELIEF_3_MONTHS"]},
         "candidate": {"status": "APPROVED", "approvedAmount": "54000.00",
                       "reasons": ["RENT_RELIEF_6_MONTHS"]}},
        {"applicationId": "RR-2022-WHATIF-2", "programme": "RENT_RELIEF", "cause": "COMPETITION",
         "live": {"status": "APPROVED", "approvedAmount": "12000.00", "reasons": []},
         "candidate": {"status": "WAITLISTED", "approvedAmount": "0.00",
                       "reasons": ["BUDGET_EXHAUSTED"]}},
        {"applicationId": "TSE-2022-WHATIF-3", "programme": "TECH_SME_EVALUATION",
         "cause": "RULES", "live": null,
         "candidate": {"status": "APPROVED", "approvedAmount": "0.00", "reasons": []}}
       ]}
      """;

  @Test
  @Timeout(300)
  void showsTheDecisionsAsTheyAreWithoutMixingUnlikeMoney() throws Exception {
    DashboardPage.requireBrowser();
    final String external = System.getProperty("dashboard.url");
    if (external != null) {
      try (DashboardPage page = new DashboardPage(external)) {
        awaitCharts(page);
        checkLive(page);
        checkFigures(
            page, external, firstRowKey(page).replaceFirst("#\\d+$", ""), Optional.empty());
      }
      return;
    }
    try (ClusterFixture cluster = new ClusterFixture(3)) {
      final ClusterFixture.Instance instance = cluster.startInstance("dashboard-it");
      cluster.awaitRunning(Duration.ofSeconds(90));
      try (DashboardPage page = new DashboardPage(instance.url())) {
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
          awaitCharts(page);
          checkLive(page);
          assertThat(feed.published().get("rent-relief")).isPositive();
        }
        submitAndAmend(cluster);
        awaitSettled(instance.url());
        checkFigures(page, instance.url(), AMENDED, Optional.of(2022));
        checkRecognitionsAreCounted(page, cluster);
        checkWhatIf(page, instance.url(), cluster.workDir);
      }
    }
  }

  private static void awaitCharts(DashboardPage page) {
    page.until(
        p ->
            !p.texts("#chart-approved rect").isEmpty()
                && !p.texts("#chart-budget rect").isEmpty()
                && !p.texts("#chart-status rect").isEmpty()
                && !p.texts("#latest tbody tr").isEmpty());
    assertThat(page.texts("h1")).singleElement().asString().contains("Subsidy decisions");
    assertThat(page.texts("#chart-approved text")).anyMatch(t -> t.contains("中关村 ZGC"));
    assertThat(page.texts("#chart-budget text")).anyMatch(t -> t.contains("% of ¥"));
    assertThat(page.texts("#health")).containsExactly("streams RUNNING");
  }

  /** Live: the newest decision and the received count move on without a reload. */
  private static void checkLive(DashboardPage page) {
    final String firstRow = firstRowKey(page);
    final String received = page.text("[data-tile='received']");
    page.until(
        p ->
            !firstRowKey(p).equals(firstRow) && !p.text("[data-tile='received']").equals(received));
    assertThat(page.texts("#live")).containsExactly("live");
  }

  /**
   * @param busiestYear the year the menu must open on, when the test published the data
   */
  private static void checkFigures(
      DashboardPage page, String url, String searchFor, Optional<Integer> busiestYear)
      throws Exception {
    final ExpectedDashboard expected =
        new ExpectedDashboard(get(url + "/totals").json(), get(url + "/programmes").json());
    checkYearMenu(page, expected);
    final int year =
        Integer.parseInt((String) page.script("return document.getElementById('year').value;"));
    busiestYear.ifPresent(y -> assertThat(year).isEqualTo(y));
    checkMoneyKindsApart(page, expected, year);
    checkBudgetLeft(page, expected, year);
    checkUnbudgetedBucketsMarked(page, expected, year, busiestYear.isPresent());
    checkBilingual(page);
    checkMoney(page, url, year);
    page.screenshot(Path.of("target", "dashboard.png"));
    assertThat(page.clippedTexts()).as("the dashboard at 1400 px").isEmpty();
    checkSearchShowsHistory(page, url, searchFor);
    checkFitsAPhone(page);
  }

  /**
   * The money table: a row per zone bucket of the year whose programme moves money and approved
   * some, with its approved amount; nothing was settled here, so all of it is outstanding.
   */
  private static void checkMoney(DashboardPage page, String url, int year) throws Exception {
    final Set<String> recognitions = new HashSet<>();
    for (JsonNode p : get(url + "/programmes").json()) {
      if ("RECOGNITION".equals(p.get("moneyKind").asText())) {
        recognitions.add(p.get("code").asText());
      }
    }
    final Map<String, String> approved = new TreeMap<>();
    for (JsonNode t : get(url + "/totals").json()) {
      if (t.get("year").asInt() == year
          && !"ALL".equals(t.get("zone").asText())
          && !recognitions.contains(t.get("programme").asText())
          && new BigDecimal(t.get("approvedAmount").asText()).signum() > 0) {
        approved.put(
            t.get("zone").asText() + ":" + t.get("programme").asText() + ":" + year,
            t.get("approvedAmount").asText());
      }
    }
    assertThat(approved).as("buckets that approved money in %d", year).isNotEmpty();
    page.until(
        p -> moneyRows(p, "data-approved").equals(approved),
        () -> "money rows " + moneyRows(page, "data-approved") + ", wanted " + approved);
    assertThat(moneyRows(page, "data-outstanding")).isEqualTo(approved);
  }

  private static Map<String, String> moneyRows(DashboardPage page, String attribute) {
    final List<String> buckets = page.attributes("#finance tbody tr", "data-bucket");
    final List<String> values = page.attributes("#finance tbody tr", attribute);
    final Map<String, String> rows = new TreeMap<>();
    for (int i = 0; i < Math.min(buckets.size(), values.size()); i++) {
      rows.put(buckets.get(i), values.get(i));
    }
    return rows;
  }

  /** Offered: years with something not rejected in a zone; not years only rejections name. */
  private static void checkYearMenu(DashboardPage page, ExpectedDashboard expected) {
    final List<String> offered = expected.offeredYears().stream().map(String::valueOf).toList();
    page.until(
        p -> p.attributes("#year option", "value").equals(offered),
        () -> "years " + page.attributes("#year option", "value") + ", wanted " + offered);
    assertThat(offered).isNotEmpty();
    assertThat(expected.mentionedYears())
        .as("the demo's invalid applications name years nobody runs a programme in")
        .hasSizeGreaterThan(offered.size());
  }

  /**
   * One approved tile per money kind, each the sum of its own kind only, and nothing on the page
   * showing the sum over kinds (the old 批准金额 tile).
   */
  private static void checkMoneyKindsApart(
      DashboardPage page, ExpectedDashboard expected, int year) {
    final List<String> kinds = expected.kinds();
    assertThat(kinds).contains("CASH", "TAX_DEDUCTION", "LOAN", "RECOGNITION");
    final List<String> wanted = new ArrayList<>();
    BigDecimal acrossKinds = BigDecimal.ZERO.setScale(2);
    int kindsWithMoney = 0;
    for (String kind : kinds) {
      if (!"RECOGNITION".equals(kind)) {
        final BigDecimal approved = expected.approved(kind, year);
        wanted.add(kind + "=" + approved.toPlainString());
        acrossKinds = acrossKinds.add(approved);
        kindsWithMoney += approved.signum() > 0 ? 1 : 0;
      }
    }
    page.until(
        p -> moneyTiles(p, "approved-kind").equals(wanted),
        () -> "approved " + moneyTiles(page, "approved-kind") + ", wanted " + wanted);
    assertThat(
            page.attributes("[data-tile='approved-kind'][data-kind='RECOGNITION']", "data-count"))
        .containsExactly(Long.toString(expected.approvedCount("RECOGNITION", year)));
    assertThat(kindsWithMoney).as("kinds with money approved in " + year).isGreaterThanOrEqualTo(2);
    assertThat(page.attributes("[data-amount]", "data-amount"))
        .doesNotContain(acrossKinds.toPlainString());
    final String body = page.text("body");
    assertThat(body).doesNotContain(yuan(acrossKinds)).doesNotContain("批准金额");
  }

  /** Budget left per kind over the budgeted zone buckets; a kind with no budget says so. */
  private static void checkBudgetLeft(DashboardPage page, ExpectedDashboard expected, int year) {
    final List<String> wanted = new ArrayList<>();
    for (String kind : expected.kinds()) {
      if (!"RECOGNITION".equals(kind)) {
        wanted.add(
            kind
                + "="
                + (expected.hasBudget(kind, year)
                    ? expected.budgetLeft(kind, year).toPlainString()
                    : ""));
      }
    }
    assertThat(wanted).contains("TAX_DEDUCTION=").anyMatch(w -> w.matches("CASH=\\d+\\.\\d\\d"));
    page.until(
        p -> moneyTiles(p, "budget-left").equals(wanted),
        () -> "budget left " + moneyTiles(page, "budget-left") + ", wanted " + wanted);
    assertThat(page.text("[data-tile='budget-left'][data-kind='TAX_DEDUCTION']"))
        .isEqualTo("不设预算 no budget");
    assertThat(page.texts("[data-tile='budget-left']")).anyMatch(t -> t.startsWith("¥"));
  }

  /** Every zone bucket without a budget is in the budget chart, marked as having none. */
  private static void checkUnbudgetedBucketsMarked(
      DashboardPage page, ExpectedDashboard expected, int year, boolean ownData) {
    final List<String> unbudgeted = expected.unbudgetedBuckets(year);
    assertThat(unbudgeted).isNotEmpty();
    if (ownData) {
      assertThat(unbudgeted).contains(ZONE_WITHOUT_BUDGET + ":RENT_RELIEF");
    }
    for (String bucket : unbudgeted) {
      final String[] zoneAndProgramme = bucket.split(":");
      final String css =
          "#chart-budget g[data-budget='none'][data-zone='"
              + zoneAndProgramme[0]
              + "'][data-programme='"
              + zoneAndProgramme[1]
              + "'] text.value";
      assertThat(page.text(css)).as(bucket).startsWith("不设预算 no budget");
    }
  }

  /** Headings, table headers and tiles in both languages; statuses as 已批准 APPROVED. */
  private static void checkBilingual(DashboardPage page) {
    final List<String> headers = new ArrayList<>();
    headers.addAll(page.texts("h1, h2, th"));
    headers.addAll(page.texts(".tile .label"));
    assertThat(headers).hasSizeGreaterThan(15);
    assertThat(headers)
        .allSatisfy(
            h -> {
              assertThat(CHINESE.matcher(h).find()).as("Chinese in '" + h + "'").isTrue();
              assertThat(ENGLISH.matcher(h).find()).as("English in '" + h + "'").isTrue();
            });
    assertThat(page.texts("#latest .status")).isNotEmpty().allMatch(STATUSES::contains);
  }

  /** Typing an id opens its page: current decision with labelled details, and every decision. */
  private static void checkSearchShowsHistory(DashboardPage page, String url, String id) {
    final JsonNode current = get(url + "/applications/" + id).json();
    final long sequence = current.get("sequence").asLong();
    final List<String> sequences = new ArrayList<>();
    for (long s = 1; s <= sequence; s++) {
      sequences.add(Long.toString(s));
    }
    page.search(id);
    page.until(
        p ->
            id.equals(p.text("#app-id"))
                && p.attributes("#history li", "data-sequence").equals(sequences),
        () ->
            page.text("#app-id")
                + " history "
                + page.attributes("#history li", "data-sequence")
                + " "
                + page.text("#app-message"));
    assertThat(page.texts("#history li .status"))
        .hasSize(sequences.size())
        .allMatch(STATUSES::contains);
    assertThat(page.texts("#history li .status").get(sequences.size() - 1))
        .endsWith(" " + current.get("status").asText());
    assertThat(page.text("#app-current .status")).endsWith(" " + current.get("status").asText());
    assertThat(page.texts("#app-details tr[data-detail] td:first-child"))
        .hasSize(current.get("details").size());
    if (id.equals(AMENDED)) {
      assertThat(sequences).hasSize(2);
      assertThat(page.text("#app-details tr[data-detail='monthlyRent'] td:first-child"))
          .startsWith("月租金")
          .contains("monthly rent");
    }
    page.search("RR-2022-NO-SUCH-APPLICATION");
    page.until(p -> p.text("#app-message").contains("No decision for application"));
    page.search(id); // leave it open for the narrow-screen check
    page.until(p -> p.texts("#history li").size() == sequences.size());
    assertThat(page.clippedTexts()).as("an application's page at 1400 px").isEmpty();
  }

  /**
   * A tech-SME evaluation grants a status, not money: its page, its history and the latest
   * decisions never show its amounts (always 0) as yuan.
   */
  private static void checkRecognitionsAreCounted(DashboardPage page, ClusterFixture cluster) {
    final String code = Programme.TECH_SME_EVALUATION.name();
    final String id =
        HttpClientSupport.latestDecisions(
                cluster,
                cluster.readUntil(cluster.topics.decisions(), r -> false, Duration.ofSeconds(3)))
            .values()
            .stream()
            .filter(d -> d.getProgramme().name().equals(code))
            .filter(d -> d.getStatus().name().equals("APPROVED"))
            .map(d -> d.getApplicationId())
            .findFirst()
            .orElseThrow(() -> new AssertionError("the demo approved no tech-SME evaluation"));
    page.search(id);
    page.until(p -> id.equals(p.text("#app-id")) && !p.texts("#history li").isEmpty());
    assertThat(page.text("#app-current [data-field='approved']"))
        .isEqualTo("入库 recognised · 不计金额 not an amount");
    assertThat(page.text("#app-current .facts")).doesNotContain("0.00").doesNotContain("¥");
    assertThat(page.texts("#history li")).noneMatch(t -> t.contains("¥"));
    final String nameZh = Catalogue.of(Programme.TECH_SME_EVALUATION).nameZh();
    assertThat(
            page.texts("#latest tbody tr").stream()
                .filter(row -> row.contains(nameZh))
                .filter(row -> row.contains("¥")))
        .as("latest decisions of recognitions shown with an amount")
        .isEmpty();
  }

  /** At 420 px: nothing wider than the screen, with the application page open too. */
  private static void checkFitsAPhone(DashboardPage page) throws Exception {
    page.resize(420, 1400);
    page.until(p -> ((Number) p.script("return window.innerWidth;")).intValue() <= 420);
    Thread.sleep(1000); // a render after the resize
    assertThat(((Number) page.script("return window.innerWidth;")).intValue())
        .isGreaterThanOrEqualTo(380);
    assertThat(page.texts("#history li")).isNotEmpty();
    final long scrollWidth =
        ((Number) page.script("return document.documentElement.scrollWidth;")).longValue();
    page.screenshot(Path.of("target", "dashboard-420.png"));
    assertThat(scrollWidth).isLessThanOrEqualTo(420);
    assertThat(page.clippedTexts()).as("the dashboard and an application at 420 px").isEmpty();
    // The tiles stack: two to a row at most.
    final Number columns =
        (Number)
            page.script(
                "return new Set(Array.from(document.querySelectorAll('#tiles .tile'))"
                    + ".map(t => t.getBoundingClientRect().left)).size;");
    assertThat(columns.intValue()).isLessThanOrEqualTo(2);
  }

  /**
   * A what-if result file where {@code GET /whatif/{name}} reads it (the state directory's parent),
   * opened by {@code ?whatif=NAME}: every bucket's live, candidate and difference, and every
   * changed application, as in the file; one programme per section and no sum over kinds of money
   * anywhere; an id opens its application; at 420 px no sideways overflow; a bad name and an
   * unknown run are said so.
   */
  private static void checkWhatIf(DashboardPage page, String url, Path dataDir) throws Exception {
    final Path file = WhatIf.resultFile(dataDir, WHAT_IF);
    Files.createDirectories(file.getParent());
    Files.writeString(file, WHAT_IF_JSON);
    final JsonNode run = new ObjectMapper().readTree(WHAT_IF_JSON);
    assertThat(get(url + "/whatif/" + WHAT_IF).json()).isEqualTo(run);
    final Map<String, String> kinds = new HashMap<>();
    get(url + "/programmes")
        .json()
        .forEach(p -> kinds.put(p.get("code").asText(), p.get("moneyKind").asText()));

    final List<String> buckets = new ArrayList<>();
    final Map<String, String> sideTexts = new LinkedHashMap<>();
    BigDecimal liveAcross = BigDecimal.ZERO.setScale(2);
    BigDecimal candidateAcross = BigDecimal.ZERO.setScale(2);
    final Set<String> kindsWithMoney = new TreeSet<>();
    for (JsonNode b : run.get("buckets")) {
      final String programme = b.get("programme").asText();
      final String kind = kinds.get(programme);
      final BigDecimal live = new BigDecimal(b.at("/live/approvedAmount").asText());
      final BigDecimal candidate = new BigDecimal(b.at("/candidate/approvedAmount").asText());
      final long liveCount = b.at("/live/approved").asLong();
      final long candidateCount = b.at("/candidate/approved").asLong();
      buckets.add(
          String.join(
              " ",
              b.get("zone").asText(),
              programme,
              b.get("year").asText(),
              kind,
              Long.toString(liveCount),
              Long.toString(candidateCount),
              Long.toString(candidateCount - liveCount),
              live.setScale(2).toPlainString(),
              candidate.setScale(2).toPlainString(),
              candidate.subtract(live).setScale(2).toPlainString()));
      final String css =
          "#chart-whatif g[data-zone='"
              + b.get("zone").asText()
              + "'][data-programme='"
              + programme
              + "'] text[data-side='";
      if ("RECOGNITION".equals(kind)) {
        sideTexts.put(css + "live']", liveCount + " 家 recognised");
        sideTexts.put(css + "candidate']", candidateCount + " 家 recognised");
      } else {
        sideTexts.put(css + "live']", yuan(live) + " · " + liveCount + " 件 approved");
        sideTexts.put(
            css + "candidate']", yuan(candidate) + " · " + candidateCount + " 件 approved");
        liveAcross = liveAcross.add(live);
        candidateAcross = candidateAcross.add(candidate);
        kindsWithMoney.add(kind);
      }
    }
    assertThat(kindsWithMoney).containsExactly("CASH", "LOAN", "TAX_DEDUCTION");

    final List<String> changes = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    for (JsonNode c : run.get("changes")) {
      final String id = c.get("applicationId").asText();
      // A recognition's amounts (always 0) are not money: the row says so instead of "¥0".
      final boolean recognition = "RECOGNITION".equals(kinds.get(c.get("programme").asText()));
      changes.add(
          String.join(
              " | ",
              id,
              statusShown(c.get("live")) + " → " + statusShown(c.get("candidate")),
              recognition
                  ? "不计金额 not an amount"
                  : amountShown(c.get("live")) + " → " + amountShown(c.get("candidate")),
              recognition
                  ? "null → null"
                  : amount(c.get("live")) + " → " + amount(c.get("candidate")),
              ("RULES".equals(c.get("cause").asText()) ? "规则 " : "竞争 ") + c.get("cause").asText()));
      links.add("#/applications/" + id);
    }

    page.open(url + "/?whatif=" + WHAT_IF);
    page.until(
        p -> whatIfBuckets(p).size() == buckets.size() && whatIfChanges(p).size() == changes.size(),
        () -> "buckets " + whatIfBuckets(page) + " " + page.text("#whatif-message"));
    assertThat(whatIfBuckets(page)).containsExactlyInAnyOrderElementsOf(buckets);
    // The whole text of a value, which a narrow chart draws over more than one line.
    sideTexts.forEach(
        (css, text) -> assertThat(page.attributes(css, "data-text")).as(css).containsExactly(text));
    assertThat(page.text("#whatif-summary"))
        .contains("已重放 " + String.format(Locale.ROOT, "%,d", run.get("applications").asLong()))
        .contains("变化 " + run.get("changed").asText() + " 件");
    assertThat(whatIfChanges(page)).containsExactlyElementsOf(changes);
    assertThat(page.attributes("#whatif-changes tbody a", "href")).isEqualTo(links);

    // Unlike money is never added: no amount on the page is a sum over kinds.
    final BigDecimal diffAcross = candidateAcross.subtract(liveAcross);
    final List<String> amounts = new ArrayList<>();
    for (String side : List.of("live", "candidate", "diff")) {
      amounts.addAll(
          page.attributes("#whatif [data-" + side + "-amount]", "data-" + side + "-amount"));
    }
    assertThat(amounts)
        .isNotEmpty()
        .doesNotContain(
            liveAcross.toPlainString(),
            candidateAcross.toPlainString(),
            diffAcross.toPlainString());
    assertThat(page.text("#whatif"))
        .doesNotContain(yuan(liveAcross))
        .doesNotContain(yuan(candidateAcross))
        .doesNotContain(yuan(diffAcross));

    assertThat(((Number) page.script("return window.innerWidth;")).intValue())
        .isLessThanOrEqualTo(420);
    page.script("document.getElementById('whatif').scrollIntoView();");
    page.screenshot(Path.of("target", "dashboard-whatif-420.png"));
    assertThat(page.clippedTexts()).as("the what-if run at 420 px").isEmpty();
    assertThat(((Number) page.script("return document.documentElement.scrollWidth;")).longValue())
        .isLessThanOrEqualTo(420);

    page.click("#whatif-changes a[href='#/applications/" + AMENDED + "']");
    page.until(
        p -> AMENDED.equals(p.text("#app-id")) && p.texts("#history li").size() == 2,
        () -> page.text("#app-id") + " " + page.text("#app-message"));

    page.enter("whatif-name", "bad-name", "#whatif-form button");
    page.until(
        p -> p.text("#whatif-message").contains("a run name has letters, digits and _ only"),
        () -> page.text("#whatif-message"));
    assertThat(page.script("return document.getElementById('whatif-result').hidden;"))
        .isEqualTo(true);
    page.open(url + "/?whatif=no_such_run");
    page.until(
        p -> p.text("#whatif-message").contains("no finished what-if run named no_such_run"),
        () -> page.text("#whatif-message"));
    assertThat(page.script("return document.getElementById('whatif-result').hidden;"))
        .isEqualTo(true);
  }

  /** Each bucket of the what-if chart: zone, programme, year, kind, counts and amounts. */
  @SuppressWarnings("unchecked")
  private static List<String> whatIfBuckets(DashboardPage page) {
    return (List<String>)
        page.script(
            "return Array.from(document.querySelectorAll('#chart-whatif g[data-zone]')).map(g =>"
                + " ['zone', 'programme', 'year', 'kind', 'live-count', 'candidate-count',"
                + " 'diff-count', 'live-amount', 'candidate-amount', 'diff-amount']"
                + ".map(a => g.getAttribute('data-' + a)).join(' '));");
  }

  /** Each row of the changed applications: id, statuses, amounts shown and exact, cause. */
  @SuppressWarnings("unchecked")
  private static List<String> whatIfChanges(DashboardPage page) {
    return (List<String>)
        page.script(
            "return Array.from(document.querySelectorAll('#whatif-changes tbody tr')).map(tr =>"
                + " [tr.getAttribute('data-id'), tr.cells[1].textContent, tr.cells[2].textContent,"
                + " tr.cells[2].getAttribute('data-live-amount') + ' → '"
                + " + tr.cells[2].getAttribute('data-candidate-amount'), tr.cells[3].textContent]"
                + ".join(' | '));");
  }

  private static String statusShown(JsonNode side) {
    if (side.isNull()) {
      return "未决定 none";
    }
    final String status = side.get("status").asText();
    return STATUSES.stream().filter(s -> s.endsWith(" " + status)).findFirst().orElse(status);
  }

  private static String amountShown(JsonNode side) {
    return side.isNull() ? "—" : yuan(new BigDecimal(side.get("approvedAmount").asText()));
  }

  private static String amount(JsonNode side) {
    return side.isNull()
        ? ""
        : new BigDecimal(side.get("approvedAmount").asText()).setScale(2).toPlainString();
  }

  /** kind=data-amount of each money tile of a name, in page order. */
  private static List<String> moneyTiles(DashboardPage page, String tile) {
    final String css = "[data-tile='" + tile + "']";
    final List<String> kinds = page.attributes(css, "data-kind");
    final List<String> amounts = page.attributes(css, "data-amount");
    final List<String> out = new ArrayList<>();
    for (int i = 0; i < kinds.size() && i < amounts.size(); i++) {
      if (!"RECOGNITION".equals(kinds.get(i))) {
        out.add(kinds.get(i) + "=" + Objects.toString(amounts.get(i), ""));
      }
    }
    return out;
  }

  private static String firstRowKey(DashboardPage page) {
    final List<String> keys = page.attributes("#latest tbody tr", "data-key");
    return keys.isEmpty() ? "" : keys.get(0);
  }

  /** An amount as the dashboard writes it (¥1.23亿, ¥4,567.8万, ¥890). */
  static String yuan(BigDecimal amount) {
    final BigDecimal abs = amount.abs();
    final String sign = amount.signum() < 0 ? "−¥" : "¥";
    if (abs.compareTo(new BigDecimal("100000000")) >= 0) {
      return sign + abs.movePointLeft(8).setScale(2, RoundingMode.HALF_UP).toPlainString() + "亿";
    }
    final DecimalFormat grouped =
        new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    grouped.setRoundingMode(RoundingMode.HALF_UP);
    if (abs.compareTo(new BigDecimal("10000")) >= 0) {
      return sign + grouped.format(abs.movePointLeft(4)) + "万";
    }
    grouped.setMaximumFractionDigits(0);
    return sign + grouped.format(abs);
  }

  /**
   * An enterprise of a zone without budgets applies for rent relief and amends the application: two
   * decisions, in a bucket the budget chart must mark as having no budget.
   */
  private static void submitAndAmend(ClusterFixture cluster) {
    final String first17 = "91330106MA2BRWXE3";
    final String code = first17 + CreditCode.checkCharacter(first17);
    final Instant registered = Instant.parse("2022-01-01T00:00:00Z");
    cluster.send(
        cluster.topics.enterprises(),
        code,
        Enterprise.newBuilder()
            .setCreditCode(code)
            .setName("杭州浏览器测试科技有限公司")
            .setZone(ZONE_WITHOUT_BUDGET)
            .setIndustryCode("I65")
            .setEmployees(40)
            .setRevenue(new BigDecimal("4000000.00"))
            .setTotalAssets(new BigDecimal("2000000.00"))
            .setRegisteredOn(LocalDate.of(2016, 5, 1))
            .setHighTechCertifiedOn(null)
            .setTechSmeYears(List.of())
            .setTaxResident(true)
            .setTaxAssessment(TaxAssessment.ACTUAL)
            .setUpdatedAt(registered)
            .build(),
        registered.toEpochMilli(),
        Enterprise.class);
    for (int revision = 1; revision <= 2; revision++) {
      final Instant submitted = Instant.parse("2022-01-05T02:00:00Z").plusSeconds(60L * revision);
      cluster.send(
          cluster.topics.applications(Catalogue.of(Programme.RENT_RELIEF)),
          AMENDED,
          RentReliefApplication.newBuilder()
              .setApplicationId(AMENDED)
              .setRevision(revision)
              .setWithdrawn(false)
              .setCreditCode(code)
              .setSubmittedAt(submitted)
              .setYear(2022)
              .setLandlordName("杭州市国有资产经营有限公司")
              .setLandlordCreditCode(null)
              .setLandlordStateOwned(true)
              .setCountyCode("330106")
              .setCountyRiskListed(false)
              .setLeaseStart(LocalDate.of(2021, 1, 1))
              .setLeaseEnd(LocalDate.of(2023, 12, 31))
              .setMonthlyRent(new BigDecimal(revision == 1 ? "8000.00" : "9000.00"))
              .setSublessor(false)
              .build(),
          submitted.toEpochMilli(),
          RentReliefApplication.class);
    }
  }

  /** Waits until the amended application has both decisions and the totals stop changing. */
  private static void awaitSettled(String url) throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String before = "";
    while (System.nanoTime() < deadline) {
      final HttpClientSupport.Answer decision = get(url + "/applications/" + AMENDED);
      final String totals = get(url + "/totals").body();
      if (decision.status() == 200
          && decision.json().get("sequence").asLong() == 2
          && totals.equals(before)) {
        return;
      }
      before = totals;
      Thread.sleep(3000);
    }
    throw new AssertionError("the totals did not settle, or " + AMENDED + " was not decided twice");
  }
}
