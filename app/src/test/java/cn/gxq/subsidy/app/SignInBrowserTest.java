package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.people.PersonRole;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code run --secure --demo} in a real browser: the public sees the open totals and a sign-in
 * button, no enterprise's decisions; an officer of one zone signs in, sees that zone's decisions
 * and applications, is refused another zone's application, and the access log names them for each
 * read. No text is cut off at 420 or 1400 px, signed in or not.
 */
class SignInBrowserTest {

  private static final String ZONE = "ZGC";
  private static final String OFFICER = "li.wei";
  private static final String PASSWORD = "a long officer password";

  @Test
  @Timeout(420)
  void anOfficerSignsInToRunSecureAndSeesTheirZoneOnly() throws Exception {
    DashboardPage.requireBrowser();
    final Path dir = Files.createTempDirectory("run-secure");
    try (SecureRun run = new SecureRun(dir)) {
      assertThat(run.log()).contains("Dashboard        https://", "People           sign in with");
      run.addUser(OFFICER, PASSWORD, PersonRole.OFFICER, List.of(ZONE));
      run.addUser("shen.audit", PASSWORD, PersonRole.AUDITOR, List.of());
      final HttpsClient https = run.https();
      final String auditor = https.token(run.url(), "shen.audit", PASSWORD);
      final String mine = decidedIn(run, auditor, true);
      final String theirs = decidedIn(run, auditor, false);

      try (DashboardPage page = DashboardPage.acceptingItsCertificate(run.url())) {
        // The public: totals (open), a sign-in button, no decisions, no search, no what-if.
        page.until(p -> !p.texts("#tiles .tile").isEmpty(), () -> page.text("body"));
        page.until(p -> !p.text("#who-in").isEmpty(), () -> page.text("header"));
        assertThat(hidden(page, "latest-card")).isTrue();
        assertThat(hidden(page, "search")).isTrue();
        assertThat(hidden(page, "whatif")).isTrue();
        assertThat(hidden(page, "finance-card")).isTrue();

        // A wrong password is said so, and signs nobody in.
        page.click("#who-in");
        for (int width : new int[] {420, 1400}) {
          page.resize(width, 1800);
          clipsNothing(page, "the sign-in form at " + width + " px");
        }
        page.enter("signin-user", OFFICER, "#signin-form button[type=submit]");
        page.enter("signin-password", "not the password", "#signin-form button[type=submit]");
        page.until(p -> p.text("#signin-message").contains("Wrong"), () -> page.text("#signin"));

        page.enter("signin-password", PASSWORD, "#signin-form button[type=submit]");
        page.until(p -> p.text("#who-name").contains(OFFICER), () -> page.text("header"));
        assertThat(page.text("#who-name")).contains(ZONE);
        assertThat(hidden(page, "latest-card")).isFalse();
        assertThat(hidden(page, "search")).isFalse();
        assertThat(hidden(page, "whatif")).isTrue();
        page.until(p -> !p.texts("#latest tbody tr").isEmpty(), () -> page.text("#latest-card"));
        // Every decision shown is of the officer's zone (the table's fourth column).
        assertThat(page.texts("#latest tbody tr td:nth-child(4)"))
            .isNotEmpty()
            .allMatch(z -> z.contains(ZONE));
        for (int width : new int[] {420, 1400}) {
          page.resize(width, 1800);
          clipsNothing(page, "signed in, at " + width + " px");
        }

        page.search(mine);
        page.until(
            p -> p.text("#app-id").equals(mine) && p.text("#app-current").contains("Status"),
            () -> page.text("#application"));
        page.search(theirs);
        page.until(p -> p.text("#app-message").contains("403"), () -> page.text("#application"));
        assertThat(page.text("#app-id")).isEqualTo(theirs);
        assertThat(page.text("#app-current")).isEmpty();

        // The access log holds both reads, with the officer's name and the answers' statuses.
        final JsonNode log =
            https.get(run.url() + "/access-log?principal=" + OFFICER, auditor).json();
        assertThat(statuses(log, mine)).contains(200);
        assertThat(statuses(log, theirs)).containsOnly(403);

        page.click("#who-out");
        page.until(p -> !p.text("#who-in").isEmpty(), () -> page.text("header"));
        assertThat(hidden(page, "latest-card")).isTrue();
      }
    }
  }

  /** An application the demo has decided in the officer's zone ({@code inZone}) or another. */
  private static String decidedIn(SecureRun run, String auditor, boolean inZone)
      throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      final HttpClientSupport.Answer latest =
          run.https().get(run.url() + "/decisions/latest?limit=200", auditor);
      if (latest.status() == 200) {
        for (JsonNode d : latest.json()) {
          if (ZONE.equals(d.path("zone").asText()) == inZone && d.path("zone").isTextual()) {
            return d.get("applicationId").asText();
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the demo decided nothing " + (inZone ? "in " : "outside ") + ZONE);
  }

  /** Once the page has drawn again at its new width, no text is cut off. */
  private static void clipsNothing(DashboardPage page, String where) {
    page.until(
        p -> p.clippedTexts().isEmpty(),
        () -> where + ": " + String.join("\n", page.clippedTexts()));
  }

  private static boolean hidden(DashboardPage page, String id) {
    return (Boolean)
        page.script(
            "var e = document.getElementById(arguments[0]); return !e || e.hidden"
                + " || e.offsetParent === null;",
            id);
  }

  private static List<Integer> statuses(JsonNode log, String application) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(r -> application.equals(r.path("applicationId").asText()))
        .map(r -> r.get("status").asInt())
        .toList();
  }
}
