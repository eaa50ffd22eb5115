package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.rules.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard names every reason code a decision can carry ({@link ReasonCode}) in Chinese and
 * English ({@code dashboard/reason-labels.json}), and no code that does not exist.
 */
class ReasonLabelsTest {

  @Test
  void everyReasonCodeHasAChineseAndAnEnglishName() throws Exception {
    final JsonNode labels;
    try (InputStream in = getClass().getResourceAsStream("/dashboard/reason-labels.json")) {
      assertThat(in).as("dashboard/reason-labels.json").isNotNull();
      labels = HttpClientSupport.MAPPER.readTree(in);
    }
    final List<String> named = new ArrayList<>();
    labels.fieldNames().forEachRemaining(named::add);
    assertThat(named)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    labels
        .fields()
        .forEachRemaining(
            e -> {
              assertThat(e.getValue().path("zh").asText())
                  .as(e.getKey())
                  .containsPattern("\\p{IsHan}");
              assertThat(e.getValue().path("en").asText())
                  .as(e.getKey())
                  .containsPattern("[a-z]{2,}");
            });
  }
}
