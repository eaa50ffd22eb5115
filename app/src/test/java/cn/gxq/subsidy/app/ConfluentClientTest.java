package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.start.ContractSchemas;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.serde.AvroDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry and the broker driven by clients this project did not write: npm's {@code kafkajs}
 * and {@code @kafkajs/confluent-schema-registry}, installed with {@code npm ci} from the committed
 * {@code package-lock.json} in {@code src/test/resources/confluent-client}. The contract schemas
 * are registered as {@code run} registers them at start-up, and the outside client fetches one
 * before anything was produced. Without node and npm it is skipped on a workstation and fails on
 * CI.
 */
class ConfluentClientTest {

  private static final String CLIENT_FILES = "/confluent-client/";

  @Test
  @Timeout(240)
  void anOutsideConfluentClientFetchesProducesAndConsumesContractRecords() throws Exception {
    requireNode();
    final Path dir = installClient();
    try (ClusterFixture cluster = new ClusterFixture(1)) {
      final List<String> subjects = ContractSchemas.register(cluster.client, cluster.topics);
      assertThat(subjects).contains("subsidy.enterprises.v1-value", "subsidy.decisions.v1-value");

      final String topic = cluster.topics.enterprises();
      final Enterprise ours = enterprise("91110108000000001A", "北京示例科技有限公司");
      cluster.send(
          topic, ours.getCreditCode(), ours, ours.getUpdatedAt().toEpochMilli(), Enterprise.class);

      final Map<String, JsonNode> found =
          run(dir, "node", "check.js", cluster.registry.url(), cluster.bootstrap(), topic);

      assertThat(found.get("creditCodeDoc").asText()).contains("统一社会信用代码");
      assertThat(found.get("cityDefault").asText()).isEqualTo("北京");
      assertThat(found.get("cityDoc").asText()).isEqualTo("所在城市");
      assertThat(found.get("lookupId").asBoolean()).isTrue();
      assertThat(found.get("readName").asText()).isEqualTo("北京示例科技有限公司");
      assertThat(found.get("readZone").asText()).isEqualTo("ZGC");
      assertThat(found.get("produced").asBoolean()).isTrue();

      final List<ConsumerRecord<String, byte[]>> records =
          cluster.readUntil(topic, r -> r.size() >= 2, Duration.ofSeconds(30));
      final AvroDeserializer<Enterprise> reader =
          new AvroDeserializer<>(Enterprise.class, cluster.client);
      final Enterprise theirs = reader.deserialize(topic, records.get(1).value());
      assertThat(records.get(1).key()).isEqualTo("91110108000000002Y");
      assertThat(theirs.getName()).isEqualTo("中关村客户端测试有限公司");
      assertThat(theirs.getRevenue()).isEqualByComparingTo("1234567.89");
      assertThat(theirs.getTechSmeYears()).containsExactly(2021);
    }
  }

  private static Enterprise enterprise(String creditCode, String name) {
    return TestEnterprises.smallFirm(creditCode, name).build();
  }

  /** Copies the client's files to target and installs exactly the locked versions. */
  private static Path installClient() throws Exception {
    final Path dir = Path.of("target", "confluent-client").toAbsolutePath();
    Files.createDirectories(dir);
    for (String file : List.of("package.json", "package-lock.json", "check.js")) {
      try (InputStream in = ConfluentClientTest.class.getResourceAsStream(CLIENT_FILES + file)) {
        Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    run(dir, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
    return dir;
  }

  /** Runs a command in {@code dir}; returns the JSON lines {@code {"what","value"}} it printed. */
  private static Map<String, JsonNode> run(Path dir, String... command) throws Exception {
    final Path out = Files.createTempFile(dir, "out", ".txt");
    final Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " timed out:\n" + read(out));
    }
    final String text = read(out);
    assertThat(process.exitValue()).as(String.join(" ", command) + " said:\n" + text).isZero();
    final ObjectMapper json = new ObjectMapper();
    final Map<String, JsonNode> found = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("{\"what\"")) {
        final JsonNode node = json.readTree(line);
        found.put(node.get("what").asText(), node.get("value"));
      }
    }
    return found;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Skipped on a workstation without node and npm; on CI (CI=true) their absence is a failure. */
  private static void requireNode() throws InterruptedException {
    final boolean present = works("node", "--version") && works("npm", "--version");
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI=true but node or npm is missing: apt-get install -y nodejs npm (Node 18 or later)");
    }
    Assumptions.assumeTrue(
        present, "no node/npm: install Node.js 18+ to run the Confluent client test");
  }

  private static boolean works(String... command) throws InterruptedException {
    try {
      final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
