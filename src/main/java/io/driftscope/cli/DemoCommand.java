package io.driftscope.cli;

import io.driftscope.demo.DemoClusters;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftscope demo --kubeconfig-out FILE}: serves the demo clusters without a TUI until
 * interrupted, so kubectl or a second Driftscope can reach them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the demo clusters 'staging' and 'prod' (namespace shop) until interrupted.",
      "Reach them with kubectl --kubeconfig FILE or driftscope --kubeconfig FILE staging prod."
    })
final class DemoCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Option(
      names = "--kubeconfig-out",
      paramLabel = "FILE",
      required = true,
      description = "Where to write the kubeconfig with contexts staging and prod.")
  Path kubeconfigOut;

  @Mixin DemoOptions demoOptions;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Path out = terminal.workingDirectory().resolve(kubeconfigOut);
    CountDownLatch interrupted = new CountDownLatch(1);
    Interrupts.onInterrupt(interrupted::countDown);
    try (DemoClusters demo =
        DemoClusters.start(
            out,
            demoOptions.seed,
            DemoClusters.actorPeriod(demoOptions.actor),
            line -> {
              terminal.out().println(line);
              terminal.out().flush();
            })) {
      terminal
          .out()
          .println(
              "demo clusters serving; kubeconfig "
                  + out
                  + " (contexts staging, prod; namespace shop)\n"
                  + "  kubectl --kubeconfig "
                  + out
                  + " --context prod -n shop get deployments\n"
                  + "  driftscope --kubeconfig "
                  + out
                  + " "
                  + DemoClusters.STAGING_SPEC
                  + " "
                  + DemoClusters.PROD_SPEC
                  + "\nCtrl-C stops them.");
      terminal.out().flush();
      interrupted.await();
    }
    return ExitCodes.OK;
  }
}
