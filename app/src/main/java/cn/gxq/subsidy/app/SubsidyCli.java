package cn.gxq.subsidy.app;

import cn.gxq.subsidy.app.command.AclCommand;
import cn.gxq.subsidy.app.command.ConsumeCommand;
import cn.gxq.subsidy.app.command.ProduceCommand;
import cn.gxq.subsidy.app.command.ReconcileCommand;
import cn.gxq.subsidy.app.command.RunCommand;
import cn.gxq.subsidy.app.command.UsersCommand;
import cn.gxq.subsidy.app.command.WhatIfCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The launcher behind {@code bin/subsidy}. */
@Command(
    name = "subsidy",
    mixinStandardHelpOptions = true,
    version = "subsidy 0.1.0",
    description = "Decides enterprise support applications of national high-tech zones.",
    subcommands = {
      RunCommand.class,
      ProduceCommand.class,
      ConsumeCommand.class,
      AclCommand.class,
      WhatIfCommand.class,
      ReconcileCommand.class,
      UsersCommand.class
    })
public final class SubsidyCli implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new SubsidyCli()).execute(args));
  }

  @Spec CommandSpec spec;

  /** Without a command there is nothing to do: a usage error (exit 2), the usage on stderr. */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is needed: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
