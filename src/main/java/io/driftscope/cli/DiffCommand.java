package io.driftscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.core.Json;
import io.driftscope.source.LoadResult;
import io.driftscope.source.SourceException;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code driftscope diff LEFT RIGHT}: compare once; exit 0 in sync, 1 drift, 2 trouble. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two environments once and report the drift.",
      "Exit codes: 0 in sync, 1 drift, 2 trouble (bad input, unreachable source)."
    })
final class DiffCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin EnvironmentPair environments;

  @Mixin CompareOptions compare;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text, json or yaml (default: text).")
  OutputFormat output = OutputFormat.TEXT;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description = "auto, always or never (default: auto; NO_COLOR turns it off).")
  ColorChoice color = ColorChoice.AUTO;

  @Option(names = "--all", description = "Also list resources without drift (text output).")
  boolean all;

  @Option(names = "--parse-only", hidden = true, description = "Load both sides and stop.")
  boolean parseOnly;

  DiffCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    CompareSetup setup = CompareSetup.from(terminal, compare);
    try (Opener.OpenedPair pair = setup.open(environments.left, environments.right)) {
      if (parseOnly) {
        // Both sides load at once, as a comparison loads them: this baseline differs from a diff
        // by the comparison alone.
        CompletableFuture<LoadResult> left = CompletableFuture.supplyAsync(() -> load(pair.left()));
        LoadResult r = load(pair.right());
        LoadResult l = joined(left);
        terminal
            .err()
            .println(
                "loaded " + l.resources().size() + " + " + r.resources().size() + " resources");
        return ExitCodes.OK;
      }
      ModeChoice mode = setup.mode(pair);
      try (Comparison comparison = setup.comparison(pair, mode.mode(), false)) {
        mode.notice().ifPresent(comparison::addNotice);
        comparison.load();
        ComparisonView view = comparison.view();
        write(view);
        return view.inSync() ? ExitCodes.OK : ExitCodes.DRIFT;
      }
    }
  }

  private static LoadResult load(Opener.Opened side) {
    try {
      return side.source().load();
    } catch (SourceException e) {
      throw new CompletionException(e);
    }
  }

  private static LoadResult joined(CompletableFuture<LoadResult> f) throws SourceException {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SourceException s) {
        throw s;
      }
      throw e;
    }
  }

  private void write(ComparisonView view) throws java.io.IOException {
    ValueMasker masker = SecretMasking.forRun();
    switch (output) {
      case TEXT ->
          new TextReport(masker, color.enabled(terminal.env(), terminal.interactive()), all)
              .write(view, terminal.out());
      case JSON -> {
        JsonGenerator g = new JsonFactory(Json.MAPPER).createGenerator(noClose(terminal.out()));
        new JsonReport(masker).write(view, g);
        g.close();
        terminal.out().println();
      }
      case YAML -> {
        YAMLFactory yf =
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
        yf.setCodec(Json.MAPPER);
        JsonGenerator g = yf.createGenerator(noClose(terminal.out()));
        new JsonReport(masker).write(view, g);
        g.close();
      }
    }
    terminal.out().flush();
  }

  private static OutputStream noClose(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws java.io.IOException {
        flush();
      }
    };
  }
}
