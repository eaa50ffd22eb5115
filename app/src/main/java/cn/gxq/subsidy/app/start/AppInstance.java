package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.app.audit.AccessLog;
import cn.gxq.subsidy.app.audit.AccessLogReader;
import cn.gxq.subsidy.app.http.ApiServer;
import cn.gxq.subsidy.app.http.DecisionQueries;
import cn.gxq.subsidy.app.http.LiveEvents;
import cn.gxq.subsidy.app.http.RecentDecisions;
import cn.gxq.subsidy.app.http.WhatIfResults;
import cn.gxq.subsidy.app.metrics.BudgetGauges;
import cn.gxq.subsidy.app.metrics.PipelineMetrics;
import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.streams.ObserverChain;
import cn.gxq.subsidy.app.streams.SubsidyApplication;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One running instance as people see it: the decision pipeline, its metrics (Kafka Streams' own
 * through Micrometer's binder, ours through {@link PipelineMetrics}), the dashboard feeds, and the
 * HTTP API. {@code run} and the integration tests both start instances this way.
 */
public final class AppInstance implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RecentDecisions recent = new RecentDecisions(DecisionQueries.MAX_LATEST);
  private final LiveEvents events = new LiveEvents();
  private final PipelineMetrics metrics = new PipelineMetrics(registry, Clock.systemUTC());
  private final SubsidyApplication app;
  private final KafkaStreamsMetrics streamsMetrics;
  private final BudgetGauges budgets;
  private final HostInfo advertised;
  private final Function<byte[], Decision> decodeDecision;
  private final WhatIfResults whatIfs;
  private final Properties kafkaClient;
  private final SchemaRegistryClient registryClient;
  private final Topics topics;
  private AccessLog accessLog;
  private ApiServer api;

  /**
   * @param extra told of everything the pipeline emits too (tests); {@link PipelineObserver#NONE}
   *     otherwise
   */
  public AppInstance(
      SubsidyApplication.Settings settings,
      Topics topics,
      SchemaRegistryClient client,
      Rulebook rulebook,
      HostInfo advertised,
      PipelineObserver extra) {
    this.advertised = advertised;
    this.topics = topics;
    this.registryClient = client;
    this.kafkaClient = new Properties();
    kafkaClient.putAll(settings.clientConfig());
    kafkaClient.put("bootstrap.servers", settings.bootstrapServers());
    // run keeps Streams state in DATA/streams; whatif writes its results to DATA/whatif
    this.whatIfs = new WhatIfResults(settings.stateDir().toAbsolutePath().getParent());
    final PipelineObserver observer = new ObserverChain(List.of(metrics, recent, events, extra));
    this.app = new SubsidyApplication(settings, topics, client, rulebook, observer);
    final AvroDeserializer<Decision> decisions = new AvroDeserializer<>(Decision.class, client);
    this.decodeDecision = bytes -> decisions.deserialize(topics.decisions(), bytes);
    this.streamsMetrics = new KafkaStreamsMetrics(app.streams());
    streamsMetrics.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    this.budgets = new BudgetGauges(app.streams(), registry);
  }

  /**
   * Opens the HTTP API, open to everyone (the embedded default without {@code --secure}), on {@code
   * bindHost} and the advertised port, then starts the streams.
   */
  public AppInstance start(String bindHost) {
    accessLog = new AccessLog(kafkaClient, registryClient, topics);
    return start(bindHost, HttpSecurity.open(accessLog, instanceName()));
  }

  /** Opens the HTTP API over TLS, behind sign-in and roles, then starts the streams. */
  public AppInstance start(String bindHost, HttpSecurity.Settings secured) throws IOException {
    accessLog = new AccessLog(kafkaClient, registryClient, topics);
    return start(bindHost, HttpSecurity.secured(secured, accessLog, instanceName()));
  }

  /** How the access log names this instance: its advertised host:port. */
  private String instanceName() {
    return advertised.host() + ":" + advertised.port();
  }

  private AppInstance start(String bindHost, HttpSecurity security) {
    final ApiServer.Sources sources =
        new ApiServer.Sources(
            new DecisionQueries(app.streams(), advertised, recent, decodeDecision, security),
            registry,
            events,
            PolicyBook.loadDefault(),
            whatIfs,
            new AccessLogReader(kafkaClient, registryClient, topics));
    api = new ApiServer(sources, security).start(bindHost, advertised.port());
    app.start();
    budgets.start();
    return this;
  }

  public SubsidyApplication app() {
    return app;
  }

  /** The port the HTTP API listens on (the one asked for, or the one given for port 0). */
  public int httpPort() {
    return api.port();
  }

  public ApiServer api() {
    return api;
  }

  /** Decisions this instance has emitted since it started. */
  public long decisionsSeen() {
    return recent.seen();
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    if (accessLog != null) {
      accessLog.close();
    }
    events.close();
    budgets.close();
    app.close();
    streamsMetrics.close();
    registry.close();
  }
}
