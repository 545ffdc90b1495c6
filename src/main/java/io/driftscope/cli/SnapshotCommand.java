package io.driftscope.cli;

import io.driftscope.compare.Opener;
import io.driftscope.core.Snapshot;
import io.driftscope.source.LoadResult;
import io.driftscope.source.file.SnapshotFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code driftscope snapshot SOURCE -o FILE}: save an environment's state to compare later. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Save the state of one environment to a snapshot file (compare it later as snapshot:FILE).",
      "Secret values are kept only as salted digests unless --include-secrets is given.",
      "Exit codes: 0 written, 2 trouble."
    })
final class SnapshotCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Environment name or spec.")
  String source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Where to write the snapshot ('-' for standard output).")
  String output;

  @Option(
      names = "--include-secrets",
      description = "Keep Secret values in clear (the file is then created owner-only).")
  boolean includeSecrets;

  @Mixin CompareOptions compare;

  SnapshotCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    CompareSetup setup = CompareSetup.from(terminal, compare);
    Opener.Opened opened = setup.opener().open(source, null);
    try {
      LoadResult loaded = opened.source().load();
      for (String notice : loaded.notices()) {
        terminal.err().println("note: " + notice);
      }
      Snapshot snapshot =
          new Snapshot(
              Snapshot.CURRENT_FORMAT,
              opened.source().spec(),
              terminal.clock().instant(),
              loaded.resources());
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      SnapshotFormat.WriteOptions options =
          SnapshotFormat.WriteOptions.writeOptions(includeSecrets, salt);
      if (output.equals("-")) {
        SnapshotFormat.write(snapshot, terminal.out(), options);
        terminal.out().flush();
      } else {
        Path file = terminal.workingDirectory().resolve(output);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
          throw new UserException(output + ": the folder " + parent + " does not exist");
        }
        SnapshotFormat.write(snapshot, file, options);
        terminal
            .err()
            .println(
                "wrote "
                    + loaded.resources().size()
                    + (loaded.resources().size() == 1 ? " resource of " : " resources of ")
                    + opened.source().spec()
                    + " to "
                    + output
                    + (includeSecrets ? " (with secret values; owner-only)" : ""));
      }
      return ExitCodes.OK;
    } finally {
      opened.source().close();
    }
  }
}
