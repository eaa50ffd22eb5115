package cn.gxq.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.programme.rentrelief.RentReliefPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {

  @TempDir Path dir;

  @Test
  void aCandidateFileOfAnyNameAndVersionLoadsWithItsNumbers() throws Exception {
    final ObjectMapper json = new ObjectMapper();
    final ObjectNode policy;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("policy/policy-2022.1.json")) {
      policy = (ObjectNode) json.readTree(in);
    }
    policy.put("version", "2022.9");
    ((ObjectNode) policy.path("rentRelief").path("years").get(0)).put("reliefMonths", 6);
    final Path file = dir.resolve("candidate.json");
    Files.writeString(file, json.writeValueAsString(policy), StandardCharsets.UTF_8);

    final Policy loaded = PolicyBook.loadFile(file);

    assertThat(loaded.version()).isEqualTo("2022.9");
    assertThat(RentReliefPolicy.of(loaded).year(2022).orElseThrow().reliefMonths()).isEqualTo(6);
  }

  @Test
  void aBrokenCandidateNamesItsFile() throws Exception {
    final Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"version\": ", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PolicyBook.loadFile(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("broken.json: not valid JSON");
  }

  @Test
  void brokenJsonIsPlacedByLineAndColumnWithoutJacksonsSourceText() throws Exception {
    final Path file = dir.resolve("broken.json");
    Files.writeString(
        file, "{\n  \"version\": \"2022.7\",\n  \"sources\": [\"a\"\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PolicyBook.loadFile(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("broken.json: not valid JSON at line 4, column ")
        .hasMessageNotContaining("Source")
        .hasMessageNotContaining("REDACTED");
  }
}
