package cn.gxq.subsidy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every policy version, loaded and checked once at start.
 *
 * <p>Layout: one file per version named {@code policy-<version>.json} whose {@code "version"} field
 * equals {@code <version>}. The bundled files live on the classpath under {@code policy/}, listed
 * in {@code policy/index.json} ({@code {"versions": ["2022.1"]}}) because a classpath cannot be
 * listed; an operator's directory is scanned for {@code policy-*.json}. Each version takes effect
 * on its {@code effectiveFrom} date and stays in force until the next version's date; the book is
 * ordered by those dates, never by the versions' names, so a draft may be called anything ({@code
 * 2022.1-draft}). {@link #current()} is the version with the latest date.
 */
public final class PolicyBook {
  private static final String RESOURCE_DIR = "policy/";
  private static final String INDEX = "index.json";

  /** By name; {@link #byDate} holds the same versions in the order they take effect. */
  private final Map<String, Policy> versions;

  private final TreeMap<LocalDate, Policy> byDate = new TreeMap<>();

  private PolicyBook(Map<String, Policy> versions) {
    if (versions.isEmpty()) {
      throw new PolicyException("no policy versions found");
    }
    this.versions = Map.copyOf(versions);
    for (Policy policy : versions.values()) {
      final Policy sameDay = byDate.putIfAbsent(policy.effectiveFrom(), policy);
      if (sameDay != null) {
        throw new PolicyException(
            fileName(policy.version())
                + ": effectiveFrom: "
                + policy.effectiveFrom()
                + " is also the date of version "
                + sameDay.version()
                + "; each version takes effect on a day of its own");
      }
    }
  }

  /** Loads the files bundled with the application. */
  public static PolicyBook loadDefault() {
    ClassLoader loader = PolicyBook.class.getClassLoader();
    Index index = PolicyJson.load(INDEX, open(loader, RESOURCE_DIR + INDEX), Index.class);
    Map<String, Policy> out = new LinkedHashMap<>();
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

  /** A book of one version, in force on every day: a test that pins its numbers. */
  public static PolicyBook of(Policy policy) {
    return new PolicyBook(Map.of(policy.version(), policy));
  }

  /**
   * This book with {@code candidate} in place of one of its versions: {@code replaces} names it,
   * or, when null, it is the version that takes effect on the candidate's {@code effectiveFrom};
   * with neither, the candidate is added and takes effect on its date. The other versions stay, so
   * a what-if replay over dates where several versions were in force compares like with like.
   *
   * @throws PolicyException when {@code replaces} is not a version of the book, or the candidate's
   *     name or date is another remaining version's
   */
  public Candidacy withCandidate(Policy candidate, String replaces) {
    final Policy replaced;
    if (replaces != null) {
      replaced = versions.get(replaces);
      if (replaced == null) {
        throw new PolicyException(
            "--replaces: no version " + replaces + " in the book; its versions: " + describe());
      }
    } else {
      replaced = byDate.get(candidate.effectiveFrom());
    }
    final Map<String, Policy> next = new LinkedHashMap<>(versions);
    if (replaced != null) {
      next.remove(replaced.version());
    }
    final Policy sameName = next.putIfAbsent(candidate.version(), candidate);
    if (sameName != null) {
      throw new PolicyException(
          fileName(candidate.version())
              + ": version: "
              + candidate.version()
              + " is already a version of the book (from "
              + sameName.effectiveFrom()
              + "); give the candidate a name of its own");
    }
    return new Candidacy(new PolicyBook(next), replaced);
  }

  /**
   * A book with a candidate in it, and the version it took the place of (null when it was added).
   */
  public record Candidacy(PolicyBook book, Policy replaced) {}

  /** The versions with their dates, oldest first: {@code 2022.1 from 2022-01-01, …}. */
  public String describe() {
    return String.join(
        ", ",
        byDate.values().stream().map(p -> p.version() + " from " + p.effectiveFrom()).toList());
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
    Map<String, Policy> out = new LinkedHashMap<>();
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

  /** The version with the latest {@code effectiveFrom}. */
  public Policy current() {
    return byDate.lastEntry().getValue();
  }

  /**
   * The version in force on a day: the newest whose {@code effectiveFrom} is not after it, or the
   * oldest for a day before every version.
   */
  public Policy inForceOn(LocalDate day) {
    final Map.Entry<LocalDate, Policy> inForce = byDate.floorEntry(day);
    return inForce != null ? inForce.getValue() : byDate.firstEntry().getValue();
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

  /** Versions loaded, in the order they take effect. */
  public List<String> versions() {
    return byDate.values().stream().map(Policy::version).toList();
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
}
