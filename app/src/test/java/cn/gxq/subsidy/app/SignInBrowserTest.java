package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard of a secured instance in a real browser: the public sees the open totals and a
 * sign-in button, no enterprise's decisions; an officer of one zone signs in, sees that zone's
 * decisions and applications, is refused another zone's application, and the access log names them
 * for each read.
 */
class SignInBrowserTest {

  @Test
  @Timeout(300)
  void anOfficerSignsInAndSeesTheirZoneOnly() throws Exception {
    DashboardPage.requireBrowser();
    try (SecuredApi api = new SecuredApi("signin-it", 1, 30);
        DashboardPage page = DashboardPage.acceptingItsCertificate(api.instances.get(0).url())) {
      final ClusterFixture.Instance instance = api.instances.get(0);
      final String mine = api.applicationOf(api.zone);
      final String theirs = api.applicationOf(api.otherZone);

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
      page.enter("signin-user", SecuredApi.OFFICER, "#signin-form button[type=submit]");
      page.enter("signin-password", "not the password", "#signin-form button[type=submit]");
      page.until(p -> p.text("#signin-message").contains("Wrong"), () -> page.text("#signin"));

      page.enter("signin-password", SecuredApi.PASSWORD, "#signin-form button[type=submit]");
      page.until(p -> p.text("#who-name").contains(SecuredApi.OFFICER), () -> page.text("header"));
      assertThat(page.text("#who-name")).contains(api.zone);
      assertThat(hidden(page, "latest-card")).isFalse();
      assertThat(hidden(page, "search")).isFalse();
      assertThat(hidden(page, "whatif")).isTrue();
      page.until(p -> !p.texts("#latest tbody tr").isEmpty(), () -> page.text("#latest-card"));
      // Every decision shown is of the officer's zone (the table's fourth column).
      assertThat(page.texts("#latest tbody tr td:nth-child(4)"))
          .isNotEmpty()
          .allMatch(z -> z.contains(api.zone));

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
      final String auditor =
          api.signIn(instance, "auditor", SecuredApi.PASSWORD).json().get("token").asText();
      final JsonNode log =
          api.get(instance, "/access-log?principal=" + SecuredApi.OFFICER, auditor).json();
      assertThat(statuses(log, mine)).contains(200);
      assertThat(statuses(log, theirs)).containsOnly(403);

      page.click("#who-out");
      page.until(p -> !p.text("#who-in").isEmpty(), () -> page.text("header"));
      assertThat(hidden(page, "latest-card")).isTrue();
    }
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
