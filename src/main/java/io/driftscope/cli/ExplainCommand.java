package io.driftscope.cli;

import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.Explainer;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.SecretMask;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code driftscope explain LEFT RIGHT RESOURCE[:PATH]}: why a resource or field is or is not drift
 * — equal after which normalization, ignored by which rule, live-only and never applied, owned by
 * which manager.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain why a resource or a field is or is not drift.",
      "RESOURCE is KIND[.GROUP]/[NAMESPACE/]NAME, e.g. Deployment.apps/shop/api;",
      "append :PATH for one field, e.g. Deployment/api:/spec/replicas.",
      "Exit codes: 0 no drift there, 1 drift, 2 trouble."
    })
final class ExplainCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin EnvironmentPair environments;

  @Parameters(index = "2", paramLabel = "RESOURCE[:PATH]")
  String target;

  @Mixin CompareOptions compare;

  ExplainCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    int colon = target.indexOf(":/");
    ResourceKey wanted = ResourceKey.parse(colon < 0 ? target : target.substring(0, colon));
    FieldPath path = colon < 0 ? FieldPath.ROOT : FieldPath.parse(target.substring(colon + 1));
    CompareSetup setup = CompareSetup.from(terminal, compare);
    try (Opener.OpenedPair pair = setup.open(environments.left, environments.right)) {
      ModeChoice mode = setup.mode(pair);
      try (Comparison comparison = setup.comparison(pair, mode.mode(), true)) {
        mode.notice().ifPresent(n -> terminal.err().println("note: " + n));
        comparison.load();
        ComparisonView view = comparison.view();
        List<ResourceDiff> found =
            view.resources().stream()
                .filter(
                    d ->
                        wanted.matches(d.key())
                            || (d.right() != null && wanted.matches(d.right().key())))
                .toList();
        if (found.isEmpty()) {
          throw new UserException(
              "no resource "
                  + target.substring(0, colon < 0 ? target.length() : colon)
                  + " on either side ("
                  + view.resources().size()
                  + " resources compared; names are case-sensitive)");
        }
        if (found.size() > 1) {
          throw new UserException(
              "'"
                  + target
                  + "' names "
                  + found.size()
                  + " resources: "
                  + found.stream().map(d -> d.key().toString()).toList()
                  + "; add the group or namespace");
        }
        ResourceDiff d = found.get(0);
        for (String line : new Explainer(SecretMask.withRandomSalt()).explain(d, path)) {
          terminal.out().println(line);
        }
        boolean drift =
            path.isRoot()
                ? d.isDrift()
                : d.drifted().stream()
                    .anyMatch(x -> x.path().startsWith(path) || path.startsWith(x.path()));
        return drift ? ExitCodes.DRIFT : ExitCodes.OK;
      }
    }
  }
}
