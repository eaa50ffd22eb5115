package cn.gxq.subsidy.app.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /session}: signing in with the users file (POST, a JSON body {@code {"user",
 * "password"}}), who is signed in (GET) and signing out (DELETE). A sign-in answers with a token
 * for {@code Authorization: Bearer} and sets the same token as the dashboard's cookie. The users
 * file is read at each sign-in, so {@code bin/subsidy users add} needs no restart.
 */
public final class SignIn {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path usersFile;
  private final Credentials credentials;

  /**
   * @param credentials null when security is off
   */
  SignIn(Path usersFile, Credentials credentials) {
    this.usersFile = usersFile;
    this.credentials = credentials;
  }

  /** {@code POST /session}. */
  public void signIn(Context ctx) throws IOException {
    if (credentials == null) {
      refuse(ctx, "this instance runs without --secure: everything is open, nothing to sign in to");
      return;
    }
    JsonNode body;
    try {
      body = MAPPER.readTree(ctx.body());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.path("user").isTextual() || !body.path("password").isTextual()) {
      refuse(ctx, "the body must be JSON {\"user\": \"…\", \"password\": \"…\"}");
      return;
    }
    final char[] password = body.path("password").asText().toCharArray();
    final Optional<Person> person;
    try {
      person = Users.load(usersFile).check(body.path("user").asText(), password);
    } finally {
      Arrays.fill(password, '\0');
    }
    if (person.isEmpty()) {
      throw new Unauthenticated("wrong user name or password");
    }
    final SessionTokens sessions = credentials.sessions();
    final String token = sessions.issue(person.get());
    final Cookie cookie =
        new Cookie(
            Credentials.COOKIE,
            token,
            "/",
            (int) SessionTokens.PERSON_LIFETIME.toSeconds(),
            true,
            true,
            null,
            SameSite.STRICT);
    ctx.cookie(cookie);
    final Map<String, Object> answer = describe(person.get());
    answer.put("token", token);
    answer.put("expires", sessions.expiryOfNew().toString());
    ctx.json(answer);
  }

  /** {@code GET /session}: who is signed in; an expired or wrong cookie counts as signed out. */
  public void whoIsIt(Context ctx) {
    Person person;
    if (credentials == null) {
      person = Person.ANYONE;
    } else {
      try {
        person = credentials.person(ctx.header("Authorization"), ctx.cookie(Credentials.COOKIE));
      } catch (Unauthenticated e) {
        ctx.removeCookie(Credentials.COOKIE, "/");
        person = Person.NOBODY;
      }
    }
    ctx.json(describe(person));
  }

  /** {@code DELETE /session}: forgets the dashboard's cookie (a bearer token expires by itself). */
  public void signOut(Context ctx) {
    ctx.removeCookie(Credentials.COOKIE, "/");
    ctx.status(204);
  }

  private static void refuse(Context ctx, String message) {
    ctx.status(400).json(Map.of("error", message));
  }

  private Map<String, Object> describe(Person person) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("secure", credentials != null);
    body.put("signedIn", person.signedIn() && credentials != null);
    body.put("user", person.signedIn() && credentials != null ? person.name() : null);
    body.put("roles", person.roles().stream().map(PersonRole::label).sorted().toList());
    body.put("zones", List.copyOf(person.zones()));
    body.put(
        "mayRead",
        Arrays.stream(Reading.values())
            .filter(person::may)
            .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
            .toList());
    return body;
  }
}
