package cn.gxq.subsidy.contract;

import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fields every application record has (contract: "Every application"), read by name. The
 * generated classes share no interface, and reading by name keeps every programme's record readable
 * here without a line per programme.
 */
public final class ApplicationFields {

  private ApplicationFields() {}

  public static String applicationId(SpecificRecord application) {
    return text(application, "applicationId");
  }

  public static int revision(SpecificRecord application) {
    return (Integer) get(application, "revision");
  }

  public static boolean withdrawn(SpecificRecord application) {
    return (Boolean) get(application, "withdrawn");
  }

  public static String creditCode(SpecificRecord application) {
    return text(application, "creditCode");
  }

  public static Instant submittedAt(SpecificRecord application) {
    return (Instant) get(application, "submittedAt");
  }

  private static String text(SpecificRecord application, String name) {
    final Object value = get(application, name);
    return value == null ? null : value.toString();
  }

  private static Object get(SpecificRecord application, String name) {
    final Schema.Field field = application.getSchema().getField(name);
    if (field == null) {
      throw new IllegalArgumentException(
          "not an application: " + application.getSchema().getFullName() + " has no " + name);
    }
    return application.get(field.pos());
  }
}
