package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

class MainTest {

  @TempDir Path dir;

  @Test
  void onlyTheLineCommandsACommandLineCanReachAreAdded() {
    List<String> all = List.copyOf(RootCommand.SUBCOMMANDS.keySet());
    assertEquals(List.of(), Main.lineCommands());
    assertEquals(List.of(), Main.lineCommands("staging", "prod", "--theme", "light"));
    assertEquals(List.of("diff"), Main.lineCommands("diff", "a", "b"));
    assertEquals(List.of("watch"), Main.lineCommands("--theme", "light", "watch", "a", "b"));
    assertEquals(List.of("diff"), Main.lineCommands("diff", "explain", "b", "--help"));
    assertEquals(all, Main.lineCommands("help", "diff"));
    assertEquals(all, Main.lineCommands("--help"));
    assertEquals(all, Main.lineCommands("-V"));
  }

  @Test
  void everyLineCommandIsListedUnderItsOwnName() {
    RootCommand.SUBCOMMANDS.forEach(
        (name, cls) -> {
          Command c = cls.getAnnotation(Command.class);
          assertEquals(name, c.name(), cls.getName());
        });
  }

  @Test
  void rootHelpListsTheLineCommandsAndTheyRun() {
    CliRun help = CliRun.run(dir, "--help");
    assertEquals(0, help.code(), help.err());
    for (String name : new String[] {"diff", "explain", "snapshot", "watch", "apply", "demo"}) {
      assertTrue(help.out().contains("\n  " + name + " "), name + " in:\n" + help.out());
    }
    assertFalse(help.out().contains("cds-training"), help.out());
    CliRun diffHelp = CliRun.run(dir, "help", "diff");
    assertTrue(diffHelp.out().startsWith("Usage: driftscope diff"), diffHelp.out());
    CliRun diffOwnHelp = CliRun.run(dir, "diff", "--help");
    assertTrue(diffOwnHelp.out().startsWith("Usage: driftscope diff"), diffOwnHelp.out());
  }

  @Test
  void oneEnvironmentAloneIsAClearError() {
    CliRun r = CliRun.run(dir, "staging");
    assertEquals(ExitCodes.TROUBLE, r.code());
    assertTrue(r.err().contains("name two environments (LEFT RIGHT)"), r.err());
  }
}
