package cn.gxq.subsidy.app.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The local users file of the embedded default: each person's name, roles, zones and a salted
 * bcrypt hash of their password (Bouncy Castle's, cost {@value #COST}: slow on purpose, a quarter
 * of a second per check on this machine). Kept owner-only; {@code bin/subsidy users} manages it.
 * Production signs people in with the identity provider instead ({@link OidcTokens}).
 */
public final class Users {

  /** bcrypt's work factor: 2^12 rounds. */
  static final int COST = 12;

  public static final Pattern NAMES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final SecureRandom RANDOM = new SecureRandom();
  // Checked against when the name is unknown, so that an unknown name takes as long as a known one.
  private static final String DECOY = hash("decoy".toCharArray());

  /** One person of the file, as JSON holds them. */
  public record User(String name, String password, List<String> roles, List<String> zones) {}

  private record File(List<User> users) {}

  private final Map<String, User> byName;

  private Users(Map<String, User> byName) {
    this.byName = byName;
  }

  /** Nobody. */
  public static Users empty() {
    return new Users(new TreeMap<>());
  }

  /** The file's users; none if it does not exist yet. */
  public static Users load(Path file) throws IOException {
    final Map<String, User> byName = new TreeMap<>();
    if (Files.exists(file)) {
      final File read;
      try {
        read = MAPPER.readValue(file.toFile(), File.class);
      } catch (IOException e) {
        throw new IOException("users file " + file + " is not valid: " + e.getMessage(), e);
      }
      if (read.users() != null) {
        for (User user : read.users()) {
          person(user); // fails on a role or name the file must not hold
          byName.put(user.name(), user);
        }
      }
    }
    return new Users(byName);
  }

  /** Writes the file atomically, readable by its owner only. */
  public void save(Path file) throws IOException {
    final Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    final Path temporary = Files.createTempFile(dir, ".users", ".json");
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(
        temporary,
        MAPPER.writeValueAsString(new File(List.copyOf(byName.values()))),
        StandardCharsets.UTF_8);
    try {
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Adds a person, or replaces one of the same name, with a new salted hash of {@code password}. An
   * officer needs at least one zone; other roles take none.
   */
  public Users with(String name, char[] password, List<PersonRole> roles, List<String> zones) {
    if (password.length < 12) {
      throw new IllegalArgumentException("a password needs at least 12 characters");
    }
    final User user =
        new User(
            name,
            hash(password),
            roles.stream().map(PersonRole::label).sorted().distinct().toList(),
            zones.stream().sorted().distinct().toList());
    person(user);
    final Map<String, User> next = new TreeMap<>(byName);
    next.put(name, user);
    return new Users(next);
  }

  /** Without the named person; empty if there was none. */
  public Optional<Users> without(String name) {
    if (!byName.containsKey(name)) {
      return Optional.empty();
    }
    final Map<String, User> next = new TreeMap<>(byName);
    next.remove(name);
    return Optional.of(new Users(next));
  }

  /** Everyone in the file, by name, without their hashes. */
  public List<Person> people() {
    final List<Person> people = new ArrayList<>();
    byName.values().forEach(u -> people.add(person(u)));
    return people;
  }

  /** The person, if the name is known and the password is theirs. */
  public Optional<Person> check(String name, char[] password) {
    final User user = name == null ? null : byName.get(name);
    final boolean matches =
        OpenBSDBCrypt.checkPassword(user == null ? DECOY : user.password(), password);
    return user != null && matches ? Optional.of(person(user)) : Optional.empty();
  }

  private static Person person(User user) {
    if (user.name() == null || !NAMES.matcher(user.name()).matches()) {
      throw new IllegalArgumentException(
          "a user name has letters, digits and . _ @ - (at most 64): '" + user.name() + "'");
    }
    if (user.password() == null || !user.password().startsWith("$2")) {
      throw new IllegalArgumentException("user " + user.name() + " has no bcrypt password hash");
    }
    final EnumSet<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
    (user.roles() == null ? List.<String>of() : user.roles())
        .forEach(r -> roles.add(PersonRole.named(r)));
    if (roles.isEmpty()) {
      throw new IllegalArgumentException(
          "user " + user.name() + " needs a role (" + PersonRole.labels() + ")");
    }
    final SortedSet<String> zones = new TreeSet<>(user.zones() == null ? List.of() : user.zones());
    if (roles.contains(PersonRole.OFFICER) == zones.isEmpty()) {
      throw new IllegalArgumentException(
          "user "
              + user.name()
              + (zones.isEmpty()
                  ? ": an officer needs the zones they serve (--zone)"
                  : ": only an officer has zones"));
    }
    return new Person(user.name(), roles, zones, "local");
  }

  private static String hash(char[] password) {
    final byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2b", password, salt, COST);
  }
}
