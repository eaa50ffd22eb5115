package cn.gxq.subsidy.broker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats a KRaft log directory once; a directory that already holds {@code meta.properties} is
 * left alone.
 */
final class LogDirFormatter {

  private LogDirFormatter() {}

  static boolean isFormatted(final Path dataDir) {
    return Files.isRegularFile(dataDir.resolve("meta.properties"));
  }

  /**
   * Formats {@code dataDir} for node {@code nodeId} unless it is formatted already; returns whether
   * it formatted. The nodes of one cluster share {@code clusterId}; null makes a new one. {@code
   * scramArguments} ({@code SCRAM-SHA-512=[name=…,password=…]}) bootstrap SASL/SCRAM users into the
   * metadata, so the first administrator can log in before any user exists.
   */
  static boolean formatIfNeeded(
      final Path dataDir,
      final int nodeId,
      final String clusterId,
      final java.util.List<String> scramArguments)
      throws Exception {
    if (isFormatted(dataDir)) {
      return false;
    }
    Files.createDirectories(dataDir);
    final String dir = dataDir.toAbsolutePath().toString();
    // The formatter chats on its print stream; keep it out of the caller's stdout.
    final ByteArrayOutputStream chatter = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(chatter, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(out)
          .setNodeId(nodeId)
          .setClusterId(clusterId == null ? Uuid.randomUuid().toString() : clusterId)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dir)
          .addDirectory(dir)
          .setScramArguments(scramArguments)
          .run();
    }
    return true;
  }
}
