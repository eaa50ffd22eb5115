package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.programme.Catalogue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and checks query parameters; a bad value is a {@link BadRequestException} (400). */
final class QueryParams {

  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
  private static final Pattern ZONE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  private QueryParams() {}

  static Optional<String> zone(String raw) {
    if (blank(raw)) {
      return Optional.empty();
    }
    if (!ZONE.matcher(raw).matches()) {
      throw new BadRequestException(
          "zone must be an upper-case code such as ZGC or ALL, not '" + Shown.shortened(raw) + "'");
    }
    return Optional.of(raw);
  }

  static Optional<Programme> programme(String raw) {
    if (blank(raw)) {
      return Optional.empty();
    }
    return Optional.of(
        Catalogue.named(raw)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "programme must be one of "
                            + Catalogue.programmes().stream()
                                .map(p -> p.programme().name())
                                .collect(Collectors.joining(", "))
                            + ", not '"
                            + Shown.shortened(raw)
                            + "'"))
            .programme());
  }

  static Optional<LocalDate> date(String raw) {
    if (blank(raw)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(raw.trim()));
    } catch (DateTimeParseException e) {
      throw new BadRequestException("date must be a day such as 2022-06-01, not '" + raw + "'");
    }
  }

  static Optional<Integer> year(String raw) {
    if (blank(raw)) {
      return Optional.empty();
    }
    try {
      final int year = Integer.parseInt(raw.trim());
      if (year >= 1900 && year <= 2999) {
        return Optional.of(year);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException(
        "year must be a four-digit year such as 2022, not '" + Shown.shortened(raw) + "'");
  }

  static int limit(String raw, int defaultValue, int max) {
    if (blank(raw)) {
      return defaultValue;
    }
    try {
      final int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException(
        "limit must be between 1 and " + max + ", not '" + Shown.shortened(raw) + "'");
  }

  /**
   * Refuses a query with a {@code %} not followed by two hex digits: the servlet layer would
   * silently drop or mangle that parameter instead.
   */
  static void wellEncoded(String query) {
    if (badlyEncoded(query)) {
      throw new BadRequestException(
          "bad percent-encoding in the query '"
              + Shown.shortened(query)
              + "': % must be followed by two hex digits");
    }
  }

  /** Whether the text has a {@code %} that is not followed by two hex digits. */
  static boolean badlyEncoded(String text) {
    return text != null && BAD_ESCAPE.matcher(text).find();
  }

  /**
   * Refuses any parameter the endpoint does not take, naming it and those it takes, and any given
   * more than once: which of two years was meant cannot be guessed.
   */
  static void only(Map<String, List<String>> given, Set<String> allowed) {
    for (String name : new TreeSet<>(given.keySet())) {
      if (allowed.contains(name) && given.get(name).size() > 1) {
        throw new BadRequestException(
            "query parameter '"
                + name
                + "' given "
                + given.get(name).size()
                + " times; give it once");
      }
      if (!allowed.contains(name)) {
        throw new BadRequestException(
            "unknown query parameter '"
                + Shown.shortened(name)
                + "'"
                + (allowed.isEmpty()
                    ? "; this endpoint takes none"
                    : "; this endpoint takes " + new TreeSet<>(allowed)));
      }
    }
  }

  /** The internal-hop flag: absent or exactly {@code false} is off, exactly {@code true} is on. */
  static boolean local(String raw) {
    if (raw == null || "false".equals(raw)) {
      return false;
    }
    if ("true".equals(raw)) {
      return true;
    }
    throw new BadRequestException(
        "local must be true or false, not '" + Shown.shortened(raw) + "'");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
