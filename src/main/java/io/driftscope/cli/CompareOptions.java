package io.driftscope.cli;

import io.driftscope.diff.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every comparing command shares. */
public final class CompareOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file (replaces the lookup of ./driftscope.yaml and"
              + " $${XDG_CONFIG_HOME:-~/.config}/driftscope/config.yaml).")
  Path config;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "desired (left is the desired state; live-only fields never applied are not drift) or"
              + " symmetric (every field counts). Default: desired when the left side is"
              + " declarative and the right is live, else symmetric.")
  Mode mode;

  @Option(
      names = "--ignore",
      paramLabel = "RULE",
      description =
          "Ignore a field: POINTER in every kind, or [GROUP/]KIND:POINTER in one kind"
              + " (e.g. --ignore apps/Deployment:/spec/replicas). Repeatable.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--ignore-manager",
      paramLabel = "NAME",
      description = "Ignore the fields this field manager owns in managedFields. Repeatable.")
  List<String> ignoreManagers = new ArrayList<>();

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description =
          "Namespace for documents that name none (default: the other side's namespace when it"
              + " is one live namespace, else 'default').")
  String namespace;

  @Option(
      names = "--map-namespace",
      paramLabel = "L=R",
      description = "Pair left namespace L with right namespace R. Repeatable.")
  Map<String, String> mapNamespace = new LinkedHashMap<>();

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig for k8s:// sources (default: $KUBECONFIG, ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--debug", description = "Show stack traces of failures.")
  boolean debug;
}
