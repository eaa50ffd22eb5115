package cn.gxq.subsidy.app.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/** Kafka client settings from a properties file, as Kafka's own tools take them. */
public final class ClientConfig {

  private ClientConfig() {}

  /** The file's properties (none when {@code file} is null) with the bootstrap servers set. */
  public static Properties load(Path file, String bootstrapServers) {
    final Properties props = new Properties();
    if (file != null) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read client config " + file + ": " + e.getMessage(), e);
      }
    }
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  public static Map<String, Object> asMap(Properties props) {
    final Map<String, Object> map = new HashMap<>();
    props.forEach((k, v) -> map.put(k.toString(), v));
    return map;
  }
}
