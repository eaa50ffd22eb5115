package cn.gxq.subsidy.registry;

/** Small Avro schemas that differ in exactly the ways the compatibility tests need. */
final class TestSchemas {

  private TestSchemas() {}

  /** A record {@code Grant} with the given field declarations. */
  static String grant(final String... fields) {
    return "{\"type\":\"record\",\"name\":\"Grant\",\"namespace\":\"test\",\"fields\":["
        + String.join(",", fields)
        + "]}";
  }

  static final String ID = "{\"name\":\"id\",\"type\":\"string\"}";
  static final String AMOUNT_REQUIRED = "{\"name\":\"amount\",\"type\":\"long\"}";
  static final String AMOUNT_DEFAULTED = "{\"name\":\"amount\",\"type\":\"long\",\"default\":0}";
  static final String NOTE_OPTIONAL =
      "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}";
}
