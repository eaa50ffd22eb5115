package cn.gxq.subsidy.app.people;

import cn.gxq.subsidy.app.audit.AccessLog;
import cn.gxq.subsidy.avro.AccessRecord;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gate every route of the API passes: it learns who asks, lets through those whose roles may
 * read what the route reads (401 for nobody, 403 for the wrong role), and, after the answer is made
 * but before it leaves, writes each read of an enterprise's file to the access log with its status.
 * With security off everyone is let through as {@link Person#ANYONE}, and reads are logged all the
 * same.
 */
public final class AccessGate {

  private static final String PERSON = "people.person";
  private static final String LOGGED = "people.logged";
  private static final String APPLICATION = "people.application";
  private static final String ZONE = "people.zone";

  private final Credentials credentials;
  private final AccessLog log;
  private final String instance;
  private final Clock clock;

  /**
   * @param credentials how to know people, or null when security is off
   */
  AccessGate(Credentials credentials, AccessLog log, String instance, Clock clock) {
    this.credentials = credentials;
    this.log = log;
    this.instance = instance;
    this.clock = clock;
  }

  /** Before a route's handler: who asks, and whether they may read it. */
  public void admit(Context ctx, Reading reading) {
    final Person person =
        credentials == null
            ? Person.ANYONE
            : credentials.person(ctx.header("Authorization"), ctx.cookie(Credentials.COOKIE));
    ctx.attribute(PERSON, person);
    if (reading.logged() && !person.isInstance()) {
      ctx.attribute(LOGGED, true); // the instance that took the request logs it, not its peers
    }
    if (!person.may(reading)) {
      if (!person.signedIn()) {
        throw new Unauthenticated("sign in to read " + ctx.path() + " (POST /session)");
      }
      throw new Forbidden(
          person.name()
              + " ("
              + labels(person)
              + ") may not read "
              + ctx.path()
              + "; it is for "
              + reading.roles().stream().map(PersonRole::label).sorted().toList());
    }
  }

  /** Who the gate let through for this request. */
  public static Person person(Context ctx) {
    final Person person = ctx.attribute(PERSON);
    return person == null ? Person.NOBODY : person;
  }

  /**
   * Notes which application a request reads (for the log) and refuses it if the person may not see
   * its zone: an officer reads only their zones' applications.
   */
  public static void application(Context ctx, String id, String zone) {
    ctx.attribute(APPLICATION, id);
    ctx.attribute(ZONE, zone);
    final Person person = person(ctx);
    if (!person.seesZone(zone)) {
      throw new Forbidden(
          person.name()
              + " serves zones "
              + person.zones()
              + "; application "
              + id
              + " is of "
              + (zone == null ? "no registered zone" : "zone " + zone));
    }
  }

  /**
   * After every request, before its answer leaves: a read of an enterprise's file is logged with
   * its final status. If the log cannot take it, the answer becomes 503 and shows nothing.
   */
  public void recordRead(Context ctx) {
    final Person person = person(ctx);
    if (ctx.attribute(LOGGED) == null || !person.signedIn()) {
      return; // not a file, or nobody to name (a 401)
    }
    try {
      log.record(read(ctx, person));
    } catch (AccessLog.AccessLogUnavailable e) {
      ctx.status(503).header("Retry-After", "5").json(Map.of("error", e.getMessage()));
    }
  }

  private AccessRecord read(Context ctx, Person person) {
    return AccessRecord.newBuilder()
        .setAt(clock.instant())
        .setPrincipal(person.name())
        .setRoles(person.roles().stream().map(PersonRole::label).sorted().toList())
        .setZones(List.copyOf(person.zones()))
        .setVia(person.via())
        .setMethod(ctx.method().name())
        .setResource(ctx.path())
        .setApplicationId(ctx.attribute(APPLICATION))
        .setZone(ctx.attribute(ZONE))
        .setStatus(ctx.statusCode())
        .setRemoteAddress(ctx.ip())
        .setInstance(instance)
        .build();
  }

  private static String labels(Person person) {
    return person.roles().stream()
        .map(PersonRole::label)
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
