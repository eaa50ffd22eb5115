package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's labels of decision details ({@code dashboard/detail-labels.json}) are those of
 * docs/decision-details.md, key for key: the document is where they are written and reviewed.
 */
class DetailLabelsTest {

  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| `([^`]+)` \\| ([^|]+?) \\| (.+?) \\|$");
  private static final Pattern INDICATOR = Pattern.compile("`(\\w+)`\\s+([^,.`]+)");

  @Test
  void theDashboardLabelsEveryDocumentedKeyAsTheDocumentDoes() throws Exception {
    final String doc = Files.readString(Path.of("..", "docs", "decision-details.md"));
    final Map<String, String> documented = new LinkedHashMap<>();
    final Matcher row = ROW.matcher(doc);
    while (row.find()) {
      documented.put(row.group(1), row.group(2).strip() + " | " + row.group(3).strip());
    }
    final Map<String, String> indicators = new LinkedHashMap<>();
    final Matcher indicator = INDICATOR.matcher(doc.substring(doc.indexOf("Indicators (")));
    while (indicator.find()) {
      indicators.put(indicator.group(1), indicator.group(2).strip().replace('\n', ' '));
    }

    final JsonNode labels;
    try (InputStream in = getClass().getResourceAsStream("/dashboard/detail-labels.json")) {
      labels = HttpClientSupport.MAPPER.readTree(in);
    }
    final Map<String, String> shown = new LinkedHashMap<>();
    labels
        .get("keys")
        .fields()
        .forEachRemaining(
            e ->
                shown.put(
                    e.getKey(),
                    e.getValue().get("zh").asText() + " | " + e.getValue().get("en").asText()));
    final Map<String, String> shownIndicators = new LinkedHashMap<>();
    labels
        .get("indicators")
        .fields()
        .forEachRemaining(e -> shownIndicators.put(e.getKey(), e.getValue().asText()));

    assertThat(documented).hasSizeGreaterThan(60);
    assertThat(shown).isEqualTo(documented);
    assertThat(indicators).hasSize(14);
    assertThat(shownIndicators).isEqualTo(indicators);
  }
}
