package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

class MainTest {

  @TempDir Path dir;

  @Test
  void theLineCommandsAreAddedOnlyWhenNamedOrForHelp() {
    assertFalse(Main.needsLineCommands());
    assertFalse(Main.needsLineCommands("staging", "prod", "--theme", "light"));
    assertTrue(Main.needsLineCommands("diff", "a", "b"));
    assertTrue(Main.needsLineCommands("--theme", "light", "watch", "a", "b"));
    assertTrue(Main.needsLineCommands("--help"));
    assertTrue(Main.needsLineCommands("-V"));
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
  }

  @Test
  void oneEnvironmentAloneIsAClearError() {
    CliRun r = CliRun.run(dir, "staging");
    assertEquals(ExitCodes.TROUBLE, r.code());
    assertTrue(r.err().contains("name two environments (LEFT RIGHT)"), r.err());
  }
}
