package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.people.PersonRole;
import cn.gxq.subsidy.app.people.Users;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.app.start.ContractPublisher;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Mix;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Demo applications decided by instances whose HTTP API is secured as {@code run --secure}'s is:
 * the embedded TLS material and session key ({@link EmbeddedSecurity}), a users file with two
 * officers of different zones and one person of every other role, and an HTTPS client that trusts
 * the embedded certificate.
 */
final class SecuredApi implements AutoCloseable {

  static final String PASSWORD = "a long test password";
  static final String OFFICER = "officer.one";
  static final String OTHER_OFFICER = "officer.two";

  final ClusterFixture cluster;
  final List<ClusterFixture.Instance> instances = new ArrayList<>();
  final Map<String, Decision> decided;
  final String zone;
  final String otherZone;
  private final HttpsClient https;

  SecuredApi(String applicationId, int instanceCount, int applications) throws Exception {
    cluster = new ClusterFixture(3);
    final DemoScenario scenario =
        DemoScenario.of(
            7L, 300, Instant.parse("2022-04-01T01:00:00Z"), Duration.ofMinutes(10), Mix.clean());
    try (ContractPublisher publisher =
        new ContractPublisher(
            ClientConfig.load(null, cluster.bootstrap()), cluster.client, cluster.topics)) {
      scenario.enterprises().forEach(publisher::publish);
      scenario.budgets().forEach(publisher::publish);
      scenario.applicationGenerator().take(applications).forEach(publisher::publish);
      publisher.flush();
    }
    final Path dir = cluster.workDir.resolve("security");
    final EmbeddedSecurity embedded = EmbeddedSecurity.prepare(dir);
    final Path usersFile = dir.resolve("users.json");
    final HttpSecurity.Settings secured =
        new HttpSecurity.Settings(
            embedded.tls().keyStore(),
            embedded.tls().trustStore(),
            embedded.tls().password(),
            usersFile,
            embedded.sessionKey(),
            Optional.empty());
    https = new HttpsClient(embedded.tls().trustStore(), embedded.tls().password());
    for (int i = 0; i < instanceCount; i++) {
      instances.add(cluster.startSecuredInstance(applicationId, secured));
    }
    cluster.awaitRunning(Duration.ofMinutes(2));
    final List<ConsumerRecord<String, byte[]>> records =
        cluster.readUntil(
            cluster.topics.decisions(),
            r -> r.stream().map(ConsumerRecord::key).distinct().count() >= applications,
            Duration.ofMinutes(2));
    decided = HttpClientSupport.latestDecisions(cluster, records);
    final List<String> zones =
        decided.values().stream().map(Decision::getZone).filter(z -> z != null).distinct().toList();
    assertThat(zones).as("the demo's applications span zones").hasSizeGreaterThan(1);
    zone = zones.get(0);
    otherZone = zones.get(1);
    Users users =
        Users.load(usersFile)
            .with(OFFICER, PASSWORD.toCharArray(), List.of(PersonRole.OFFICER), List.of(zone))
            .with(
                OTHER_OFFICER,
                PASSWORD.toCharArray(),
                List.of(PersonRole.OFFICER),
                List.of(otherZone));
    for (PersonRole role :
        List.of(PersonRole.FINANCE, PersonRole.ANALYST, PersonRole.AUDITOR, PersonRole.OPERATOR)) {
      users = users.with(role.label(), PASSWORD.toCharArray(), List.of(role), List.of());
    }
    users.save(usersFile);
    awaitQueryable(signIn(instances.get(0), "finance", PASSWORD).json().get("token").asText());
  }

  /** The id of a decided application of {@code zone}. */
  String applicationOf(String zone) {
    return decided.values().stream()
        .filter(d -> zone.equals(d.getZone()))
        .map(Decision::getApplicationId)
        .findFirst()
        .orElseThrow();
  }

  /** Until every instance answers every application (the assignment has settled). */
  private void awaitQueryable(String token) throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int rounds = 0;
    while (rounds < 3) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the instances did not settle");
      }
      boolean all =
          instances.stream().allMatch(i -> i.streams().state() == KafkaStreams.State.RUNNING);
      for (String id : decided.keySet()) {
        for (ClusterFixture.Instance instance : instances) {
          all &= all && get(instance, "/applications/" + id, token).status() == 200;
        }
      }
      rounds = all ? rounds + 1 : 0;
      Thread.sleep(200);
    }
  }

  /** GET with a bearer token, or none when {@code token} is null. */
  HttpClientSupport.Answer get(ClusterFixture.Instance instance, String path, String token) {
    return https.get(instance.url() + path, token);
  }

  HttpClientSupport.Answer signIn(ClusterFixture.Instance instance, String user, String password) {
    return https.signIn(instance.url(), user, password);
  }

  HttpClientSupport.Answer send(HttpRequest.Builder request) {
    return https.send(request);
  }

  HttpClient http() {
    return https.http();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
