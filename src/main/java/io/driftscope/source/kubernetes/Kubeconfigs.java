package io.driftscope.source.kubernetes;

import io.driftscope.source.SourceException;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds and reads kubeconfig files as kubectl does: {@code --kubeconfig} (setting {@code
 * kubeconfig}) if given, else every file in {@code KUBECONFIG} (merged: the first file to define a
 * context, cluster, user or the current context wins; missing files are ignored), else {@code
 * ~/.kube/config}.
 */
final class Kubeconfigs {

  /** The client configuration for one context. */
  record Resolved(Config config, String context, String namespace, List<Path> files) {}

  private Kubeconfigs() {}

  /** The files to read, in order. */
  static List<Path> files(Object setting, Map<String, String> env) throws SourceException {
    if (setting != null && !setting.toString().isBlank()) {
      Path p = Path.of(setting.toString());
      if (!Files.isRegularFile(p)) {
        throw new SourceException("kubeconfig " + p + " not found (given by --kubeconfig)");
      }
      return List.of(p);
    }
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      List<Path> found = new ArrayList<>();
      for (String f : list.split(File.pathSeparator)) {
        if (!f.isBlank() && Files.isRegularFile(Path.of(f))) {
          found.add(Path.of(f));
        }
      }
      if (found.isEmpty()) {
        throw new SourceException(
            "no kubeconfig found: none of the files in KUBECONFIG exists (" + list + ")");
      }
      return found;
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    Path p = Path.of(home, ".kube", "config");
    if (!Files.isRegularFile(p)) {
      throw new SourceException(
          "no kubeconfig found: " + p + " does not exist; set KUBECONFIG or pass --kubeconfig");
    }
    return List.of(p);
  }

  /** Reads and merges the files and selects the context ({@code ""} = the current one). */
  static Resolved resolve(List<Path> files, String context) throws SourceException {
    List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
    for (Path f : files) {
      try {
        io.fabric8.kubernetes.api.model.Config c = KubeConfigUtils.parseConfig(f.toFile());
        if (c == null) {
          throw new SourceException("bad kubeconfig " + f + ": the file is empty");
        }
        parsed.add(c);
      } catch (RuntimeException e) {
        throw new SourceException("bad kubeconfig " + f + ": " + Failures.rootMessage(e), e);
      }
    }
    TreeSet<String> known = new TreeSet<>();
    String current = "";
    for (io.fabric8.kubernetes.api.model.Config c : parsed) {
      if (c.getContexts() != null) {
        for (NamedContext nc : c.getContexts()) {
          known.add(nc.getName());
        }
      }
      if (current.isEmpty() && c.getCurrentContext() != null) {
        current = c.getCurrentContext();
      }
    }
    String wanted = context.isEmpty() ? current : context;
    String where = files.size() == 1 ? files.get(0).toString() : "KUBECONFIG " + files;
    if (wanted.isEmpty()) {
      throw new SourceException(
          "no current context in "
              + where
              + "; name one as k8s://CONTEXT/NAMESPACE (known: "
              + String.join(", ", known)
              + ")");
    }
    if (!known.contains(wanted)) {
      throw new SourceException(
          "context '"
              + wanted
              + "' not found in "
              + where
              + " (known: "
              + (known.isEmpty() ? "none" : String.join(", ", known))
              + ")");
    }
    Config config = Config.empty();
    try {
      KubeConfigUtils.merge(
          config, wanted, parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
    } catch (RuntimeException e) {
      throw new SourceException(
          "bad kubeconfig " + where + " for context '" + wanted + "': " + Failures.rootMessage(e),
          e);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new SourceException(
          "bad kubeconfig " + where + ": context '" + wanted + "' names no cluster with a server");
    }
    String ns = config.getNamespace();
    config.setConnectionTimeout(5_000);
    config.setRequestTimeout(20_000);
    // The source reconnects itself, so it can report the state and re-list.
    config.setWatchReconnectLimit(0);
    config.setRequestRetryBackoffLimit(0);
    return new Resolved(config, wanted, ns == null || ns.isBlank() ? "default" : ns, files);
  }
}
