package cn.gxq.subsidy.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed key pair for a loopback broker, and a trust store holding its certificate, made
 * with the JDK's own {@code keytool} (no extra library, nothing downloaded). Kept in a directory
 * and reused while both files exist. For production, bring certificates from the data centre's CA.
 */
public final class TlsMaterial {

  public static final String TYPE = "PKCS12";

  private final Path keyStore;
  private final Path trustStore;
  private final String password;

  private TlsMaterial(final Path keyStore, final Path trustStore, final String password) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
    this.password = password;
  }

  /** Creates (or reuses) {@code broker.p12} and {@code truststore.p12} in {@code dir}. */
  public static TlsMaterial inDirectory(final Path dir, final String password) throws IOException {
    Files.createDirectories(dir);
    final TlsMaterial material =
        new TlsMaterial(dir.resolve("broker.p12"), dir.resolve("truststore.p12"), password);
    if (Files.isRegularFile(material.keyStore) && Files.isRegularFile(material.trustStore)) {
      return material;
    }
    Files.deleteIfExists(material.keyStore);
    Files.deleteIfExists(material.trustStore);
    final Path cert = dir.resolve("broker.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "3650",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore",
        material.keyStore.toString(),
        "-storetype",
        TYPE,
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        "-exportcert",
        "-alias",
        "broker",
        "-rfc",
        "-file",
        cert.toString(),
        "-keystore",
        material.keyStore.toString(),
        "-storetype",
        TYPE,
        "-storepass",
        password);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "broker",
        "-file",
        cert.toString(),
        "-keystore",
        material.trustStore.toString(),
        "-storetype",
        TYPE,
        "-storepass",
        password);
    return material;
  }

  public Path keyStore() {
    return keyStore;
  }

  public Path trustStore() {
    return trustStore;
  }

  public String password() {
    return password;
  }

  private static void keytool(final String... args) throws IOException {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      final String output =
          new String(
              process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running keytool", e);
    }
  }
}
