package cn.gxq.subsidy.registry;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LocalSchemaRegistry} as its own process: {@code RegistryMain --bootstrap-servers B
 * [--port 8081] [--host 127.0.0.1] [--topic _schemas] [--replication-factor 1] [--user U]}; with
 * {@code --user} the password is read from the environment variable {@value #PASSWORD_ENV} so it
 * never shows in a process list.
 *
 * <p>Prints {@code READY <url>} on standard output once serving; exits with 2 on bad arguments, 1
 * when the registry cannot start.
 */
public final class RegistryMain {

  /** The environment variable holding the write password when {@code --user} is given. */
  public static final String PASSWORD_ENV = "SCHEMA_REGISTRY_PASSWORD";

  private RegistryMain() {}

  public static void main(final String[] args) throws InterruptedException {
    final LocalSchemaRegistry.Builder builder = LocalSchemaRegistry.builder();
    try {
      parse(args, builder, System.getenv(PASSWORD_ENV));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: RegistryMain --bootstrap-servers B [--port 8081] [--host 127.0.0.1]"
              + " [--topic _schemas] [--replication-factor 1] [--user U (password in $"
              + PASSWORD_ENV
              + ")]");
      System.exit(2);
    }
    final LocalSchemaRegistry registry;
    try {
      registry = builder.start();
    } catch (RuntimeException e) {
      System.err.println("Cannot start the schema registry: " + e.getMessage());
      System.exit(1);
      return;
    }
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  registry.close();
                  stopped.countDown();
                },
                "registry-shutdown"));
    System.out.println("READY " + registry.url());
    System.out.flush();
    stopped.await();
  }

  static void parse(
      final String[] args, final LocalSchemaRegistry.Builder builder, final String password) {
    boolean hasBootstrap = false;
    for (int i = 0; i < args.length; i++) {
      final String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value after " + option);
      }
      final String value = args[++i];
      switch (option) {
        case "--bootstrap-servers" -> {
          builder.bootstrapServers(value);
          hasBootstrap = true;
        }
        case "--port" -> builder.port(number(option, value));
        case "--host" -> builder.host(value);
        case "--topic" -> builder.topic(value);
        case "--replication-factor" -> builder.replicationFactor(number(option, value));
        case "--user" -> {
          if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--user needs the password in $" + PASSWORD_ENV);
          }
          builder.writeCredentials(value, password);
        }
        default -> throw new IllegalArgumentException("Unknown option " + option);
      }
    }
    if (!hasBootstrap) {
      throw new IllegalArgumentException("--bootstrap-servers is required");
    }
  }

  private static int number(final String option, final String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got " + value, e);
    }
  }
}
