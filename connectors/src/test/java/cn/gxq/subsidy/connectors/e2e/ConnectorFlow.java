package cn.gxq.subsidy.connectors.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.connectors.Samples;
import cn.gxq.subsidy.connectors.intake.IntakeBridgeMain;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The edges, on any {@link Stack}: rows inserted into a government outbox pass the Debezium source
 * connector on a real Connect worker ({@code bin/connect-worker}, deployed with {@code
 * bin/deploy}), the intake bridge, the decision application (a child JVM, as operators run it) and
 * the Debezium JDBC sink with the project's Avro converter into the finance ledger table.
 */
final class ConnectorFlow implements AutoCloseable {

  private static final String RENT_INTAKE = "subsidy.intake.rent-relief.v1";
  // One enterprise per application: one claim each, so no DUPLICATE_CLAIM between them.
  private static final Map<String, String> CODES =
      Map.of(
          "RR-A",
          Samples.creditCode(7),
          "RR-B",
          Samples.creditCode(8),
          "RR-C",
          Samples.creditCode(9),
          "RR-BAD",
          Samples.creditCode(7));
  private static final Topics TOPICS = Topics.defaults();
  private static final Path HOME = Path.of(System.getProperty("connectors.home", "."));

  private final List<AutoCloseable> open = new ArrayList<>();
  private final Stack stack;
  private Path work;
  private ChildProcess worker;
  private int connectPort;

  /** Where the flow runs: a Kafka cluster, a Confluent-compatible registry, two databases. */
  interface Stack {
    String bootstrapServers();

    String registryUrl();

    /** Server of the government database, reachable from this machine. */
    Database government();

    Database finance();
  }

  /** A PostgreSQL database and how to reach it. */
  record Database(String host, int port, String name, String user, String password) {
    Connection connect() throws java.sql.SQLException {
      return java.sql.DriverManager.getConnection(
          "jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
    }

    void run(Path sql) throws Exception {
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute(Files.readString(sql));
      }
    }
  }

  ConnectorFlow(Stack stack) {
    this.stack = stack;
  }

  /** Creates the tables, starts the application, the bridge and the worker, deploys. */
  ConnectorFlow start() throws Exception {
    try {
      return startAll();
    } catch (Exception | AssertionError e) {
      close(); // the caller never gets the flow to close: stop what did start
      throw e;
    }
  }

  private ConnectorFlow startAll() throws Exception {
    work = Files.createTempDirectory("subsidy-e2e");
    stack.government().run(HOME.resolve("sql/government/01-outbox.sql"));
    stack.finance().run(HOME.resolve("sql/finance/01-current-decision.sql"));
    stack.finance().run(HOME.resolve("sql/finance/02-movement.sql"));

    // The application creates the contract topics; the worker starts meanwhile.
    final int appPort = freePort();
    final ChildProcess app =
        ChildProcess.start(
            "application",
            List.of(
                javaBin(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.gxq.subsidy.app.SubsidyCli",
                "run",
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.registryUrl(),
                "--http-port",
                Integer.toString(appPort),
                "--data-dir",
                work.resolve("app").toString(),
                "--partitions",
                "2"),
            Map.of(),
            work.resolve("app.log"));
    open.add(app);
    connectPort = freePort();
    worker = startWorker();
    await(
        "the application's /health",
        Duration.ofSeconds(180),
        app,
        () -> Http.status("http://127.0.0.1:" + appPort + "/health") == 200);

    final IntakeBridgeMain bridge =
        new IntakeBridgeMain(
                IntakeBridgeMain.Options.parse(
                    "--bootstrap-servers",
                    stack.bootstrapServers(),
                    "--schema-registry-url",
                    stack.registryUrl(),
                    "--state-dir",
                    work.resolve("bridge").toString(),
                    "--partitions",
                    "2"))
            .start(() -> {});
    open.add(bridge);
    await(
        "the bridge RUNNING",
        Duration.ofSeconds(120),
        app,
        () -> bridge.streams().state() == KafkaStreams.State.RUNNING);

    await(
        "the Connect REST API",
        Duration.ofSeconds(120),
        worker,
        () -> Http.status(connectUrl() + "/connectors") == 200);
    // A row already in the outbox before the connector exists: its snapshot must bring it.
    insertOutbox(
        "enterprise",
        Samples.creditCode(9),
        Samples.enterprise(Samples.creditCode(9), "2022-01-01T00:00:00Z"));
    final Process deploy =
        new ProcessBuilder("bash", HOME.resolve("bin/deploy").toString(), "--url", connectUrl())
            .redirectErrorStream(true)
            .start();
    final String deployed = new String(deploy.getInputStream().readAllBytes());
    assertThat(deploy.waitFor()).as(deployed).isZero();
    awaitConnectorsRunning();
    return this;
  }

  @Override
  public void close() {
    if (worker != null) {
      open.add(worker);
    }
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
    deleteQuietly(work);
  }

  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  /**
   * The scenario: registry, budget, rent-relief applications, amendment, withdrawal, bad row,
   * restart; and one application of every other programme of the catalogue, through to the ledger.
   */
  void outboxRowsBecomeCurrentDecisionsInTheFinanceLedger() throws Exception {
    // The registry and budget first, as the government system would have published them long ago.
    for (String code : List.of(Samples.creditCode(7), Samples.creditCode(8))) {
      insertOutbox("enterprise", code, Samples.enterprise(code, "2022-01-01T00:00:00Z"));
    }
    final Map<ProgrammeDefinition<?>, String> otherProgrammes = new LinkedHashMap<>();
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      if (programme.programme() != Programme.RENT_RELIEF) {
        final String code = Samples.creditCode(20 + otherProgrammes.size());
        insertOutbox("enterprise", code, Samples.enterprise(code, "2022-01-01T00:00:00Z"));
        otherProgrammes.put(programme, code);
      }
    }
    insertOutbox(
        "budget",
        "ZGC:RENT_RELIEF:2022",
        Samples.rentReliefBudget("5000000.00", "2022-01-01T00:00:00Z"));
    awaitRecords(TOPICS.enterprises(), 3 + otherProgrammes.size());
    awaitRecords(TOPICS.budgets(), 1);

    insertOutbox("rent-relief", "RR-A", rent("RR-A", 1, false, "20000.00", "2022-05-01T09:00:00Z"));
    insertOutbox("rent-relief", "RR-B", rent("RR-B", 1, false, "15000.00", "2022-05-01T09:05:00Z"));
    insertOutbox("rent-relief", "RR-C", rent("RR-C", 1, false, "9000.00", "2022-05-01T09:10:00Z"));
    // An amendment and a withdrawal: the ledger must end with each application's newest decision.
    insertOutbox("rent-relief", "RR-A", rent("RR-A", 2, false, "18000.00", "2022-05-02T09:00:00Z"));
    insertOutbox("rent-relief", "RR-B", rent("RR-B", 2, true, "15000.00", "2022-05-02T09:05:00Z"));
    // A bad row: three decimals in money.
    insertOutbox(
        "rent-relief", "RR-BAD", rent("RR-BAD", 1, false, "12.345", "2022-05-01T10:00:00Z"));

    // One application of every other programme of the catalogue, each by its own enterprise.
    final Map<String, Long> others = new LinkedHashMap<>();
    for (Map.Entry<ProgrammeDefinition<?>, String> other : otherProgrammes.entrySet()) {
      final String slug = other.getKey().slug();
      final String id = slug.toUpperCase(Locale.ROOT) + "-1";
      insertOutbox(
          slug, id, Samples.application(slug, id, other.getValue(), "2022-05-01T11:00:00Z"));
      others.put(id, 1L);
    }

    final Map<String, Long> firstRound = new LinkedHashMap<>(others);
    firstRound.putAll(Map.of("RR-A", 2L, "RR-B", 2L, "RR-C", 1L));
    final Map<String, Row> ledger = awaitLedger(firstRound);
    assertThat(ledger.get("RR-A").revision()).isEqualTo(2);
    assertThat(ledger.get("RR-A").status()).isEqualTo("APPROVED");
    assertThat(ledger.get("RR-A").approvedAmount()).isEqualByComparingTo("54000.00"); // 3 months
    assertThat(ledger.get("RR-B").status()).isEqualTo("WITHDRAWN");
    assertThat(ledger.get("RR-B").approvedAmount()).isEqualByComparingTo("0");
    assertLedgerEqualsLatestDecisions(3 + others.size());

    final ConsumerRecord<String, byte[]> letter =
        readAll(TOPICS.deadLetter()).stream()
            .filter(r -> "RR-BAD".equals(r.key()))
            .findFirst()
            .orElseThrow();
    assertThat(header(letter, DeadLetter.ERROR_CODE)).isEqualTo("UNDECODABLE");
    assertThat(header(letter, DeadLetter.ERROR_MESSAGE)).contains("monthlyRent");
    assertThat(header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo(RENT_INTAKE);
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"12.345\"");

    // A worker restart: offsets survive on both sides, rows written meanwhile still arrive once.
    worker.close();
    insertOutbox("rent-relief", "RR-C", rent("RR-C", 2, false, "9500.00", "2022-05-03T09:10:00Z"));
    worker = startWorker();
    awaitConnectorsRunning();
    assertThat(
            Http.post(connectUrl() + "/connectors/finance-ledger-sink/restart?includeTasks=true"))
        .isBetween(200, 204);
    final Map<String, Long> secondRound = new LinkedHashMap<>(others);
    secondRound.putAll(Map.of("RR-A", 2L, "RR-B", 2L, "RR-C", 2L));
    awaitLedger(secondRound);
    assertThat(readAll(RENT_INTAKE)).hasSize(7); // nothing re-sent by the source after the restart
    assertLedgerEqualsLatestDecisions(3 + others.size());

    // An older decision replayed into the table never replaces a newer one.
    try (Connection c = stack.finance().connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO current_decision SELECT * FROM current_decision"
              + " WHERE application_id = 'RR-A' ON CONFLICT (application_id) DO UPDATE"
              + " SET sequence = 1, status = 'REJECTED'");
    }
    assertThat(ledger().get("RR-A")).isEqualTo(ledger.get("RR-A"));
  }

  private static String rent(String id, int revision, boolean withdrawn, String rent, String at) {
    return Samples.rentRelief(id, revision, withdrawn, CODES.get(id), rent, at);
  }

  private ChildProcess startWorker() throws IOException {
    final Map<String, String> env = new HashMap<>();
    env.put("CONNECT_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    env.put("CONNECT_REST_PORT", Integer.toString(connectPort));
    env.put("CONNECT_WORK_DIR", work.resolve("connect").toString());
    env.put("CONNECT_JAVA_OPTS", "-Xmx768m");
    for (Map.Entry<String, Database> db :
        Map.of("GOVERNMENT", stack.government(), "FINANCE", stack.finance()).entrySet()) {
      env.put(db.getKey() + "_DB_HOST", db.getValue().host());
      env.put(db.getKey() + "_DB_PORT", Integer.toString(db.getValue().port()));
      env.put(db.getKey() + "_DB_NAME", db.getValue().name());
      env.put(db.getKey() + "_DB_USER", db.getValue().user());
      env.put(db.getKey() + "_DB_PASSWORD", db.getValue().password());
    }
    env.put("SCHEMA_REGISTRY_URL", stack.registryUrl());
    return ChildProcess.start(
        "connect worker",
        List.of("bash", HOME.resolve("bin/connect-worker").toString()),
        env,
        work.resolve("connect.log"));
  }

  private String connectUrl() {
    return "http://127.0.0.1:" + connectPort;
  }

  /**
   * Finance's side: an application approved and paid, amended down, then withdrawn. The finance
   * database gets every movement, with what is to be recovered, and the settlement; {@code
   * reconcile} finds it agreeing with the control totals, and names the bucket once a movement row
   * is lost.
   */
  void movementsReachTheFinanceLedgerAndReconcile() throws Exception {
    final String code = Samples.creditCode(40);
    final int registered = readAll(TOPICS.enterprises()).size();
    insertOutbox("enterprise", code, Samples.enterprise(code, "2022-01-01T00:00:00Z"));
    awaitRecords(TOPICS.enterprises(), registered + 1);
    insertOutbox(
        "rent-relief",
        "RR-M",
        Samples.rentRelief("RR-M", 1, false, code, "10000.00", "2022-06-01T01:00:00Z"));
    awaitMovement("RR-M#1");
    publishSettlement(
        new Settlement(
            "RR-M#1", new BigDecimal("30000.00"), Instant.parse("2022-06-01T02:00:00Z"), "PAY-1"));
    insertOutbox(
        "rent-relief",
        "RR-M",
        Samples.rentRelief("RR-M", 2, false, code, "4000.00", "2022-06-01T03:00:00Z"));
    insertOutbox(
        "rent-relief",
        "RR-M",
        Samples.rentRelief("RR-M", 3, true, code, "4000.00", "2022-06-01T04:00:00Z"));
    // Paid 30,000; approved down to 12,000, then withdrawn: 18,000 and 12,000 are to be recovered.
    assertThat(awaitMovement("RR-M#2")).isEqualByComparingTo("18000.00");
    assertThat(awaitMovement("RR-M#3")).isEqualByComparingTo("12000.00");
    await(
        "the settlement in the finance database",
        Duration.ofSeconds(120),
        worker,
        () -> count("SELECT count(*) FROM settlement WHERE movement_id = 'RR-M#1'") == 1);

    await("reconcile agreeing", Duration.ofSeconds(120), worker, () -> reconcile().exit() == 0);
    try (Connection c = stack.finance().connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM movement WHERE movement_id = 'RR-M#2'");
    }
    final Reconciled lost = reconcile();
    assertThat(lost.exit()).as(lost.output()).isEqualTo(1);
    assertThat(lost.output()).contains("DIFFERS  ZGC:RENT_RELIEF:2022");
  }

  private record Reconciled(int exit, String output) {}

  private Reconciled reconcile() {
    final java.io.StringWriter out = new java.io.StringWriter();
    final ConnectorFlow.Database db = stack.finance();
    final int exit =
        new picocli.CommandLine(new cn.gxq.subsidy.app.SubsidyCli())
            .setOut(new java.io.PrintWriter(out))
            .setErr(new java.io.PrintWriter(out))
            .execute(
                "reconcile",
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.registryUrl(),
                "--jdbc-url",
                "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(),
                "--jdbc-user",
                db.user(),
                "--jdbc-password",
                db.password(),
                "--date",
                "2022-06-01");
    return new Reconciled(exit, out.toString());
  }

  /** Waits for a movement row and returns its {@code to_recover}. */
  private BigDecimal awaitMovement(String movementId) throws Exception {
    await(
        "movement " + movementId + " in the finance database",
        Duration.ofSeconds(120),
        worker,
        () -> count("SELECT count(*) FROM movement WHERE movement_id = '" + movementId + "'") == 1);
    try (Connection c = stack.finance().connect();
        PreparedStatement s =
            c.prepareStatement("SELECT to_recover FROM movement WHERE movement_id = ?")) {
      s.setString(1, movementId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBigDecimal(1);
      }
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = stack.finance().connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** As finance does: a settlement in the wire format, keyed by its movement id. */
  private void publishSettlement(Settlement settlement) throws Exception {
    final Properties props = new Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.registryUrl());
        org.apache.kafka.clients.producer.KafkaProducer<String, Settlement> producer =
            new org.apache.kafka.clients.producer.KafkaProducer<>(
                props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new cn.gxq.subsidy.serde.AvroSerializer<>(Settlement.class, registry, false))) {
      producer
          .send(
              new org.apache.kafka.clients.producer.ProducerRecord<>(
                  TOPICS.settlements(),
                  null,
                  settlement.getSettledAt().toEpochMilli(),
                  settlement.getMovementId(),
                  settlement))
          .get();
    }
  }

  private void awaitConnectorsRunning() throws Exception {
    for (String name :
        List.of(
            "government-outbox-source",
            "finance-ledger-sink",
            "finance-movements-sink",
            "finance-settlements-sink")) {
      await(
          name + " RUNNING",
          Duration.ofSeconds(120),
          worker,
          () -> {
            if (Http.status(connectUrl() + "/connectors/" + name + "/status") != 200) {
              return false;
            }
            final var status = Http.get(connectUrl() + "/connectors/" + name + "/status");
            final var tasks = status.path("tasks");
            if (tasks.size() > 0 && "FAILED".equals(tasks.get(0).path("state").asText())) {
              throw new AssertionError(name + " failed: " + tasks.get(0).path("trace").asText());
            }
            return "RUNNING".equals(status.path("connector").path("state").asText())
                && tasks.size() == 1
                && "RUNNING".equals(tasks.get(0).path("state").asText());
          });
    }
  }

  private void insertOutbox(String type, String key, String payload) throws Exception {
    assertThat(Catalogue.recordKinds()).anyMatch(k -> k.name().equals(type));
    try (Connection c = stack.government().connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO outbox (aggregatetype, aggregateid, payload) VALUES (?, ?, ?::jsonb)")) {
      s.setString(1, type);
      s.setString(2, key);
      s.setString(3, payload);
      s.executeUpdate();
    }
  }

  /** One finance row, with what the assertions compare. */
  record Row(
      String applicationId,
      int revision,
      long sequence,
      String status,
      java.math.BigDecimal approvedAmount,
      String reasons,
      String details,
      long decidedAt) {}

  private Map<String, Row> ledger() throws Exception {
    final Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection c = stack.finance().connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT application_id, revision, sequence, status,"
                    + " approved_amount, reasons::text, details::text, decided_at FROM current_decision")) {
      while (r.next()) {
        rows.put(
            r.getString(1),
            new Row(
                r.getString(1),
                r.getInt(2),
                r.getLong(3),
                r.getString(4),
                r.getBigDecimal(5),
                r.getString(6),
                r.getString(7),
                r.getTimestamp(8).getTime()));
      }
    }
    return rows;
  }

  private Map<String, Row> awaitLedger(Map<String, Long> sequences) throws Exception {
    final Map<String, Row>[] last = new Map[1];
    await(
        "finance sequences " + sequences,
        Duration.ofSeconds(150),
        worker,
        () -> {
          last[0] = ledger();
          return sequences.entrySet().stream()
              .allMatch(
                  e ->
                      last[0].containsKey(e.getKey())
                          && last[0].get(e.getKey()).sequence() == e.getValue());
        });
    return last[0];
  }

  /** The table holds exactly the latest decision per application on the decisions topic. */
  private void assertLedgerEqualsLatestDecisions(int applications) throws Exception {
    final Map<String, Decision> latest = new HashMap<>();
    try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.registryUrl())) {
      final AvroDeserializer<Decision> decisions = new AvroDeserializer<>(Decision.class, client);
      for (ConsumerRecord<String, byte[]> r : readAll(TOPICS.decisions())) {
        final Decision d = decisions.deserialize(r.topic(), r.value());
        latest.merge(r.key(), d, (a, b) -> b.getSequence() > a.getSequence() ? b : a);
      }
    }
    final Map<String, Row> ledger = ledger();
    assertThat(ledger).hasSize(applications);
    assertThat(ledger.keySet()).isEqualTo(latest.keySet());
    latest.forEach(
        (id, d) -> {
          final Row row = ledger.get(id);
          assertThat(row.sequence()).as(id).isEqualTo(d.getSequence());
          assertThat(row.revision()).as(id).isEqualTo(d.getRevision());
          assertThat(row.status()).as(id).isEqualTo(d.getStatus().name());
          assertThat(row.approvedAmount()).as(id).isEqualByComparingTo(d.getApprovedAmount());
          assertThat(row.decidedAt()).as(id).isEqualTo(d.getDecidedAt().toEpochMilli());
          d.getReasons().forEach(reason -> assertThat(row.reasons()).contains(reason.getCode()));
          System.out.println("ledger " + id + ": " + row);
        });
  }

  private void awaitRecords(String topic, int count) throws Exception {
    await(
        count + " record(s) on " + topic,
        Duration.ofSeconds(120),
        worker,
        () -> readAll(topic).size() >= count);
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      // Until a poll after the assignment brings nothing new.
      int quiet = 0;
      while (quiet < 3) {
        final int before = records.size();
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        quiet = records.size() == before && !consumer.assignment().isEmpty() ? quiet + 1 : 0;
      }
    }
    return records;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static void await(
      String what, Duration timeout, ChildProcess watched, Callable<Boolean> done)
      throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.call()) {
      if (System.nanoTime() > deadline || (watched != null && !watched.isAlive())) {
        throw new AssertionError(
            "gave up waiting for "
                + what
                + " after "
                + timeout
                + "\n"
                + (watched == null ? "" : watched.tail()));
      }
      Thread.sleep(250);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
