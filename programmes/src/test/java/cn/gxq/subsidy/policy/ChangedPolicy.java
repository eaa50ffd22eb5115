package cn.gxq.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/** The bundled policy 2022.1 with one change, for tests of what loading and binding refuse. */
public final class ChangedPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangedPolicy() {}

  /** The bundled policy-2022.1.json as a tree to change. */
  public static ObjectNode bundled() {
    try (InputStream in =
        ChangedPolicy.class.getClassLoader().getResourceAsStream("policy/policy-2022.1.json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the bundled policy, changed, as {@code policy-2022.1.json} in dir and loads it. */
  public static Policy load(Path dir, Consumer<ObjectNode> change) {
    final ObjectNode policy = bundled();
    change.accept(policy);
    final Path file = dir.resolve("policy-2022.1.json");
    try {
      Files.writeString(file, JSON.writeValueAsString(policy), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return PolicyBook.loadFile(file);
  }

  /** Asserts that a programme refuses its section, changed, naming file and entry. */
  public static void assertRefused(
      Path dir, Function<Policy, ?> bind, Consumer<ObjectNode> change, String messageStart) {
    final Policy policy = load(dir, change);
    assertThatThrownBy(() -> bind.apply(policy))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(messageStart);
  }
}
