package cn.gxq.subsidy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every policy version, loaded and checked once at start.
 *
 * <p>Layout: one file per version named {@code policy-<version>.json} whose {@code "version"} field
 * equals {@code <version>}. The bundled files live on the classpath under {@code policy/}, listed
 * in {@code policy/index.json} ({@code {"versions": ["2022.1"]}}) because a classpath cannot be
 * listed; an operator's directory is scanned for {@code policy-*.json}. Versions are compared
 * number by number ({@code 2022.2 < 2022.10 < 2023.1}); {@link #current()} is the highest. Each
 * version takes effect on its {@code effectiveFrom} date, and a newer version on a later date.
 */
public final class PolicyBook {
  private static final String RESOURCE_DIR = "policy/";
  private static final String INDEX = "index.json";
  private static final Comparator<String> BY_VERSION = PolicyBook::compareVersions;

  private final TreeMap<String, Policy> versions;

  private PolicyBook(Map<String, Policy> versions) {
    if (versions.isEmpty()) {
      throw new PolicyException("no policy versions found");
    }
    this.versions = new TreeMap<>(BY_VERSION);
    this.versions.putAll(versions);
    Policy previous = null;
    for (Policy policy : this.versions.values()) {
      if (previous != null && !policy.effectiveFrom().isAfter(previous.effectiveFrom())) {
        throw new PolicyException(
            fileName(policy.version())
                + ": effectiveFrom: "
                + policy.effectiveFrom()
                + " must be after "
                + previous.effectiveFrom()
                + " of the earlier version "
                + previous.version()
                + "; a newer version takes effect later");
      }
      previous = policy;
    }
  }

  /** Loads the files bundled with the application. */
  public static PolicyBook loadDefault() {
    ClassLoader loader = PolicyBook.class.getClassLoader();
    Index index = PolicyJson.load(INDEX, open(loader, RESOURCE_DIR + INDEX), Index.class);
    Map<String, Policy> out = new TreeMap<>(BY_VERSION);
    for (int i = 0; i < index.versions().size(); i++) {
      String file = fileName(index.versions().get(i));
      InputStream in = loader.getResourceAsStream(RESOURCE_DIR + file);
      if (in == null) {
        throw new PolicyException(
            INDEX
                + ": versions["
                + i
                + "]: lists version "
                + index.versions().get(i)
                + " but "
                + RESOURCE_DIR
                + file
                + " is not on the classpath");
      }
      add(out, file, in);
    }
    return new PolicyBook(out);
  }

  /** {@code index.json}: the bundled versions, because a classpath cannot be listed. */
  private record Index(List<String> versions) {}

  /**
   * A book of one version, in force on every day: a candidate policy in a what-if, or a test that
   * pins its numbers.
   */
  public static PolicyBook of(Policy policy) {
    return new PolicyBook(Map.of(policy.version(), policy));
  }

  /** Loads every {@code policy-*.json} of an operator's directory. */
  public static PolicyBook load(Path dir) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "policy-*.json")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new PolicyException(dir + ": cannot list policy files: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new PolicyException(dir + ": no policy-*.json files");
    }
    Collections.sort(files);
    Map<String, Policy> out = new TreeMap<>(BY_VERSION);
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        add(out, name, Files.newInputStream(file));
      } catch (IOException e) {
        throw new PolicyException(name + ": cannot read: " + e.getMessage(), e);
      }
    }
    return new PolicyBook(out);
  }

  /**
   * One policy file of any name, checked as every bundled one is: a candidate for a what-if replay,
   * whose version need not be in force nor listed anywhere.
   */
  public static Policy loadFile(Path file) {
    final String name = file.getFileName().toString();
    try {
      return parse(name, Files.newInputStream(file));
    } catch (IOException e) {
      throw new PolicyException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The newest version. */
  public Policy current() {
    return versions.lastEntry().getValue();
  }

  /**
   * The version in force on a day: the newest whose {@code effectiveFrom} is not after it, or the
   * oldest for a day before every version.
   */
  public Policy inForceOn(LocalDate day) {
    Policy inForce = versions.firstEntry().getValue();
    for (Policy policy : versions.values()) {
      if (!policy.effectiveFrom().isAfter(day)) {
        inForce = policy;
      }
    }
    return inForce;
  }

  /**
   * The policy of a given version.
   *
   * @throws IllegalArgumentException when no such version was loaded
   */
  public Policy version(String version) {
    Policy policy = versions.get(version);
    if (policy == null) {
      throw new IllegalArgumentException(
          "unknown policy version " + version + "; loaded: " + versions.keySet());
    }
    return policy;
  }

  /** Versions loaded, oldest first. */
  public List<String> versions() {
    return List.copyOf(versions.keySet());
  }

  static String fileName(String version) {
    return "policy-" + version + ".json";
  }

  private static Policy parse(String file, InputStream in) {
    return PolicyJson.load(file, in, PolicyFile.class).policy(file);
  }

  private static void add(Map<String, Policy> out, String file, InputStream in) {
    Policy policy = parse(file, in);
    if (!file.equals(fileName(policy.version()))) {
      throw new PolicyException(
          file
              + ": version: must match the file name ("
              + fileName(policy.version())
              + " holds version "
              + policy.version()
              + ")");
    }
    if (out.putIfAbsent(policy.version(), policy) != null) {
      throw new PolicyException(file + ": version: " + policy.version() + " is loaded twice");
    }
  }

  private static InputStream open(ClassLoader loader, String resource) {
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new PolicyException(resource + ": not on the classpath");
    }
    return in;
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
