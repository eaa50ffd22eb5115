package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.ClusterOptions;
import cn.gxq.subsidy.app.command.WhatIfCommand;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate that does not hold is refused before the command touches any cluster. */
class WhatIfCommandTest {

  @TempDir Path dir;

  @Test
  void aMistakeInAProgrammeSectionIsAUsageErrorNamingFileAndEntry() throws Exception {
    final ObjectMapper json = new ObjectMapper();
    final ObjectNode policy;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("policy/policy-2022.1.json")) {
      policy = (ObjectNode) json.readTree(in);
    }
    policy.put("version", "2022.7");
    ((ObjectNode) policy.path("rentRelief").path("years").get(0)).put("reliefMonth", 6);
    final Path file = dir.resolve("candidate.json");
    Files.writeString(file, json.writeValueAsString(policy), StandardCharsets.UTF_8);

    final WhatIfCommand command = new WhatIfCommand();
    command.cluster = new ClusterOptions();
    // Nothing listens here: the command must stop before it would connect.
    command.cluster.bootstrapServers = "127.0.0.1:1";
    command.cluster.schemaRegistryUrl = "http://127.0.0.1:1";
    command.policy = file;
    command.dataDir = dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(command.call()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("whatif: candidate.json: rentRelief.years[0].reliefMonth: unknown field");
  }

  @Test
  void aPolicyFileThatIsNotJsonIsNamedWithLineAndColumn() throws Exception {
    final Path file = dir.resolve("broken.json");
    Files.writeString(
        file, "{\n  \"version\": \"2022.7\",\n  \"effectiveFrom\" \"2022-07-01\"\n}\n");
    final WhatIfCommand command = new WhatIfCommand();
    command.cluster = new ClusterOptions();
    command.cluster.bootstrapServers = "127.0.0.1:1";
    command.cluster.schemaRegistryUrl = "http://127.0.0.1:1";
    command.policy = file;
    command.dataDir = dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(command.call()).isEqualTo(2);
    final String said = err.toString(StandardCharsets.UTF_8);
    assertThat(said)
        .startsWith("whatif: broken.json: not valid JSON at line 3, column ")
        .doesNotContain("Source")
        .doesNotContain("REDACTED");
  }
}
