package cn.gxq.subsidy.registry;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small schema registry speaking a subset of the Confluent Schema Registry REST API (Avro only),
 * kept in a compacted Kafka topic so that ids survive restarts and several instances on one topic
 * agree.
 *
 * <pre>{@code
 * try (LocalSchemaRegistry registry = LocalSchemaRegistry.start("127.0.0.1:9092", 0)) {
 *     String url = registry.url();   // e.g. http://127.0.0.1:41234
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}}, {@code GET
 * /subjects}, {@code GET /subjects/{s}/versions[/{v}|/latest][/schema]}, {@code GET
 * /schemas/ids/{id}[/subjects|/versions]}, {@code POST /compatibility/subjects/{s}/versions[/{v}]},
 * {@code GET|PUT /config[/{s}]}, {@code GET /mode[/{s}]} (always READWRITE). Answers are UTF-8
 * JSON; every error, unknown paths (404) and wrong methods (405 with {@code Allow}) included, is
 * {@code {"error_code","message"}}. With credentials, every POST, PUT and DELETE needs HTTP Basic
 * auth; reads stay open.
 */
public final class LocalSchemaRegistry implements AutoCloseable {

  /** The topic the registry keeps its log in unless told otherwise. */
  public static final String DEFAULT_TOPIC = "_schemas";

  /** The port of a local registry unless told otherwise. */
  public static final int DEFAULT_PORT = 8081;

  private static final Logger LOG = LoggerFactory.getLogger(LocalSchemaRegistry.class);

  private final SchemaLog log;
  private final Javalin http;
  private final String host;

  private LocalSchemaRegistry(final SchemaLog log, final Javalin http, final String host) {
    this.log = log;
    this.http = http;
    this.host = host;
  }

  /** Starts an open registry on 127.0.0.1 with the default topic; port 0 picks a free port. */
  public static LocalSchemaRegistry start(final String bootstrapServers, final int port) {
    return builder().bootstrapServers(bootstrapServers).port(port).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    return "http://" + host + ":" + port();
  }

  /** The HTTP port actually bound. */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.stop();
    log.close();
  }

  /** Options of a {@link LocalSchemaRegistry}; every setter returns the builder. */
  public static final class Builder {
    private String bootstrapServers;
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private String topic = DEFAULT_TOPIC;
    private short replicationFactor = 1;
    private String user;
    private String password;
    private Duration timeout = Duration.ofSeconds(30);
    private final Map<String, Object> kafkaProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder bootstrapServers(final String servers) {
      this.bootstrapServers = Objects.requireNonNull(servers, "servers");
      return this;
    }

    /** The address to listen on; default 127.0.0.1. */
    public Builder host(final String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The HTTP port; 0 picks a free one. Default {@value LocalSchemaRegistry#DEFAULT_PORT}. */
    public Builder port(final int port) {
      this.port = port;
      return this;
    }

    /** The log topic; default {@value LocalSchemaRegistry#DEFAULT_TOPIC}. */
    public Builder topic(final String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /** Replication factor used if the topic has to be created; default 1. */
    public Builder replicationFactor(final int replicationFactor) {
      this.replicationFactor = (short) replicationFactor;
      return this;
    }

    /** Requires HTTP Basic auth with these credentials for every POST, PUT and DELETE. */
    public Builder writeCredentials(final String user, final String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Extra Kafka client properties, e.g. security settings. */
    public Builder kafkaProperties(final Map<String, ?> properties) {
      kafkaProperties.putAll(properties);
      return this;
    }

    /** How long a write may wait for Kafka; default 30 s. */
    public Builder timeout(final Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Creates the topic if needed, reads the log to its end and then starts serving.
     *
     * @throws IllegalStateException if Kafka or the port cannot be used
     */
    public LocalSchemaRegistry start() {
      if (bootstrapServers == null) {
        throw new IllegalStateException("bootstrapServers is required");
      }
      final long started = System.nanoTime();
      final Map<String, Object> client = new LinkedHashMap<>(kafkaProperties);
      client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      final SchemaLog log = new SchemaLog(client, topic, replicationFactor, timeout);
      try {
        log.start();
        final RegistryRoutes routes =
            new RegistryRoutes(log, user == null ? null : new BasicAuth(user, password));
        final Javalin http =
            Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.startup.showOldJavalinVersionWarning = false;
                  routes.install(cfg);
                });
        try {
          http.start(host, port);
        } catch (RuntimeException e) {
          http.stop();
          throw new IllegalStateException(
              "Cannot start the schema registry on "
                  + host
                  + ":"
                  + port
                  + " (port in use?): "
                  + e.getMessage(),
              e);
        }
        final LocalSchemaRegistry registry = new LocalSchemaRegistry(log, http, host);
        LOG.info(
            "Schema registry on {} (topic {}) ready in {} ms",
            registry.url(),
            topic,
            Duration.ofNanos(System.nanoTime() - started).toMillis());
        return registry;
      } catch (RuntimeException e) {
        log.close();
        throw e;
      }
    }
  }
}
