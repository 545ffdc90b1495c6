package io.driftscope.cli;

import io.driftscope.compare.Comparison;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.config.Environment;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.source.Source;
import io.driftscope.source.SourceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Comparisons for the in-process benchmarks of {@code scripts/bench}, set up exactly as the TUI
 * sets up its own ({@link CompareSetup}: config, ignore rules, default mode, namespace pairing,
 * notes collected), so the benchmarks measure the product's code path and not a stand-in.
 */
public final class BenchComparisons {

  /** An opened pair of environments and the (not yet loaded) comparison of them. */
  public record Opened(Opener.OpenedPair pair, Comparison comparison) implements AutoCloseable {
    @Override
    public void close() {
      comparison.close();
      pair.close();
    }
  }

  private BenchComparisons() {}

  /**
   * Opens {@code left} and {@code right} (names or specs, as on the command line) as the TUI does.
   *
   * @param workingDirectory the working directory (relative paths, config lookup); use an empty one
   *     so no stray {@code driftscope.yaml} changes the result
   * @param kubeconfig the {@code --kubeconfig} file for {@code k8s://} specs, or null
   */
  public static Opened open(String left, String right, Path workingDirectory, Path kubeconfig)
      throws Exception {
    CompareSetup setup = setup(workingDirectory, kubeconfig);
    Opener.OpenedPair pair = setup.open(left, right);
    ModeChoice mode = setup.mode(pair);
    return new Opened(pair, setup.comparison(pair, mode.mode(), true));
  }

  /**
   * The comparison the TUI would build for two already opened sources (e.g. in-memory sources whose
   * changes a benchmark drives): mode by their traits, labels as given, the differ and pairing of
   * {@link CompareSetup#comparison}. When {@code diffs} is given, it counts the differ's calls (to
   * show that a change re-diffs one resource only).
   */
  public static Comparison of(
      Source left,
      String leftLabel,
      Source right,
      String rightLabel,
      Path workingDirectory,
      LongAdder diffs)
      throws Exception {
    CompareSetup setup = setup(workingDirectory, null);
    Opener.OpenedPair pair =
        new Opener.OpenedPair(
            new Opener.Opened(left, new Environment(leftLabel, left.spec(), false, false)),
            new Opener.Opened(right, new Environment(rightLabel, right.spec(), false, false)));
    Mode mode = setup.mode(pair).mode();
    ResourceDiffer differ = Engine.differ(new DiffOptions(mode, setup.ignoreRules(), true));
    ResourceDiffer counted =
        diffs == null
            ? differ
            : (l, r) -> {
              diffs.increment();
              return differ.diff(l, r);
            };
    return new Comparison(
        left,
        leftLabel,
        right,
        rightLabel,
        counted,
        new Pairing(setup.config().namespaceMap()),
        mode,
        Clock.systemDefaultZone());
  }

  private static CompareSetup setup(Path workingDirectory, Path kubeconfig) throws SourceException {
    Terminal terminal =
        new Terminal(
            System.out,
            System.err,
            Map.of(),
            workingDirectory.toAbsolutePath(),
            Clock.systemDefaultZone(),
            false);
    CompareOptions options = new CompareOptions();
    options.kubeconfig = kubeconfig;
    try {
      return CompareSetup.from(terminal, options);
    } catch (io.driftscope.config.ConfigException e) {
      throw new SourceException(e.getMessage());
    }
  }
}
