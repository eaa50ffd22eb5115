package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.people.Person;
import cn.gxq.subsidy.app.people.PersonRole;
import cn.gxq.subsidy.app.people.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code users add|remove|list}: the people who may sign in to the HTTP API of the embedded default
 * ({@code run --secure}), with their roles and zones. Passwords are kept as salted bcrypt hashes;
 * the file is owner-only. A running instance reads the file at each sign-in.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage the people who may sign in to the HTTP API (run --secure).",
    subcommands = {UsersCommand.Add.class, UsersCommand.Remove.class, UsersCommand.ListUsers.class})
public final class UsersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is needed: add, remove or list");
  }

  /** Where the users file is, as {@code run} finds it. */
  static class FileOptions {
    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "The users file (default: DATA/security/users.json).")
    Path file;

    @Option(
        names = "--data-dir",
        defaultValue = "data",
        paramLabel = "DIR",
        description = "run's data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Path path() {
      return HttpSecurityOptions.usersFile(file, dataDir);
    }
  }

  /** How many people a users file holds, for {@code run}'s start-up lines. */
  static String count(Path file) {
    try {
      final int n = Users.load(file).people().size();
      return n == 0 ? "no users yet" : n + (n == 1 ? " user" : " users");
    } catch (IOException | IllegalArgumentException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a person, or replace one of the same name (a new password and roles).")
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The person's sign-in name, e.g. li.wei.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "officer, finance, analyst, auditor or operator; repeatable.")
    List<String> roles = new ArrayList<>();

    @Option(
        names = "--zone",
        paramLabel = "ZONE",
        description = "A zone an officer serves, e.g. ZGC; repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of stdin instead of asking.")
    boolean passwordStdin;

    @picocli.CommandLine.Mixin FileOptions where = new FileOptions();

    @Override
    public Integer call() throws IOException {
      final char[] password;
      try {
        password = password();
        final List<PersonRole> parsed = roles.stream().map(PersonRole::named).toList();
        Users.load(where.path()).with(name, password, parsed, zones).save(where.path());
        Arrays.fill(password, '\0');
      } catch (IllegalArgumentException e) {
        System.err.println("users add: " + e.getMessage());
        return 1;
      }
      System.out.println(
          "Added "
              + name
              + " "
              + roles
              + (zones.isEmpty() ? "" : " " + zones)
              + " to "
              + where.path());
      return 0;
    }

    private char[] password() throws IOException {
      if (passwordStdin) {
        final String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new IllegalArgumentException("no password on stdin");
        }
        return line.toCharArray();
      }
      final Console console = System.console();
      if (console == null) {
        throw new IllegalArgumentException(
            "no terminal to ask the password on; give it with --password-stdin");
      }
      final char[] first = console.readPassword("Password for %s: ", name);
      final char[] again = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, again)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      return first;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a person.")
  static final class Remove implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @picocli.CommandLine.Mixin FileOptions where = new FileOptions();

    @Override
    public Integer call() throws IOException {
      final var without = Users.load(where.path()).without(name);
      if (without.isEmpty()) {
        System.err.println("users remove: no user named '" + name + "' in " + where.path());
        return 1;
      }
      without.get().save(where.path());
      System.out.println("Removed " + name + " from " + where.path());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the people, their roles and zones (never their passwords).")
  static final class ListUsers implements Callable<Integer> {
    @picocli.CommandLine.Mixin FileOptions where = new FileOptions();

    @Override
    public Integer call() throws IOException {
      for (Person person : Users.load(where.path()).people()) {
        System.out.println(
            person.name()
                + "\t"
                + person.roles().stream().map(PersonRole::label).sorted().toList()
                + (person.zones().isEmpty() ? "" : "\t" + person.zones()));
      }
      return 0;
    }
  }
}
