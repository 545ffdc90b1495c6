package io.driftscope.apply;

import io.driftscope.compare.Comparison;
import io.driftscope.core.Side;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.StructuralDiffer;
import io.driftscope.normalize.IgnoreRules;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.file.FileSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Two manifest folders opened with the real file source and compared with the real differ. */
final class Envs implements AutoCloseable {

  final Path left;
  final Path right;
  final Source leftSource;
  final Source rightSource;
  final Comparison comparison;

  Envs(Path dir, Map<String, String> leftFiles, Map<String, String> rightFiles, IgnoreRules rules)
      throws Exception {
    left = Files.createDirectories(dir.resolve("staging"));
    right = Files.createDirectories(dir.resolve("prod"));
    write(left, leftFiles);
    write(right, rightFiles);
    SourceContext ctx = new SourceContext("shop", dir, Clock.systemUTC(), Map.of());
    FileSourceFactory files = new FileSourceFactory();
    leftSource = files.open(SourceSpec.parse("staging"), ctx);
    rightSource = files.open(SourceSpec.parse("prod"), ctx);
    comparison =
        new Comparison(
            leftSource,
            "staging",
            rightSource,
            "prod",
            new StructuralDiffer(new DiffOptions(Mode.SYMMETRIC, rules, false)),
            Pairing.plain(),
            Mode.SYMMETRIC,
            Clock.systemUTC());
    comparison.load();
  }

  Envs(Path dir, Map<String, String> leftFiles, Map<String, String> rightFiles) throws Exception {
    this(dir, leftFiles, rightFiles, IgnoreRules.NONE);
  }

  private static void write(Path dir, Map<String, String> files) throws Exception {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
  }

  /** The target for a direction. */
  Target target(Direction d) {
    return d.target() == Side.RIGHT
        ? new Target(Side.RIGHT, "prod", "prod", false, false)
        : new Target(Side.LEFT, "staging", "staging", false, false);
  }

  /** An executor writing into the target of a direction. */
  Executor executor(Direction d, Journal journal) {
    Source s = d.target() == Side.RIGHT ? rightSource : leftSource;
    return new Executor(s.applier(), journal, "tester");
  }

  /** Reloads both sides (what the file watcher would do). */
  void reload() throws Exception {
    comparison.load();
  }

  @Override
  public void close() {
    comparison.close();
    leftSource.close();
    rightSource.close();
  }
}
