package cn.gxq.subsidy.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A private copy of this JVM's class path for the child JVMs. Others build in the same tree, and a
 * rebuild (or a {@code mvn install}) during a run would otherwise take the classes from under an
 * instance that is being restarted. Surefire's manifest-only booter jar is expanded first.
 */
final class FaultClassPath {

  private FaultClassPath() {}

  /** Copies every class path entry into {@code dir}; returns the class path of the copies. */
  static String snapshot(Path dir) {
    final List<String> copies = new ArrayList<>();
    int n = 0;
    try {
      Files.createDirectories(dir);
      for (Path entry : expand(System.getProperty("java.class.path"))) {
        if (!Files.exists(entry)) {
          continue;
        }
        final Path target = dir.resolve((n++) + "-" + entry.getFileName());
        if (Files.isDirectory(entry)) {
          copyTree(entry, target);
        } else {
          Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
        }
        copies.add(target.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy the class path to " + dir, e);
    }
    return String.join(File.pathSeparator, copies);
  }

  private static List<Path> expand(String classPath) throws IOException {
    final List<Path> out = new ArrayList<>();
    for (String part : classPath.split(File.pathSeparator)) {
      final Path entry = Path.of(part);
      final String manifestPath = booterClassPath(entry);
      if (manifestPath == null) {
        out.add(entry);
        continue;
      }
      for (String item : manifestPath.trim().split("\\s+")) {
        out.add(
            item.startsWith("file:")
                ? Path.of(URI.create(item))
                : entry.toAbsolutePath().getParent().resolve(item).normalize());
      }
    }
    return out;
  }

  /** The Class-Path of surefire's booter jar, or null for any other entry. */
  private static String booterClassPath(Path entry) throws IOException {
    if (!entry.getFileName().toString().startsWith("surefirebooter")
        || !entry.toString().endsWith(".jar")) {
      return null;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getManifest() == null
          ? null
          : jar.getManifest().getMainAttributes().getValue("Class-Path");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        final Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
