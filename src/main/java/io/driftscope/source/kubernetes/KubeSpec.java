package io.driftscope.source.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@code k8s://[CONTEXT]/[NS[,NS…]][?cluster=true]} spec. CONTEXT is everything
 * before the last {@code /} (EKS context names contain {@code :} and {@code /}); empty means the
 * kubeconfig's current context. No namespace means the context's namespace; {@code *} means all.
 *
 * @param context the context name, {@code ""} for the current one
 * @param namespaces the namespaces named, empty for the context's namespace
 * @param allNamespaces whether {@code *} was given
 * @param clusterScoped whether {@code ?cluster=true} was given
 */
record KubeSpec(
    String context, List<String> namespaces, boolean allNamespaces, boolean clusterScoped) {

  KubeSpec {
    namespaces = List.copyOf(namespaces);
  }

  /** Parses the body after {@code k8s://}. */
  static KubeSpec parse(String body) {
    String path = body;
    String query = "";
    int q = body.indexOf('?');
    if (q >= 0) {
      path = body.substring(0, q);
      query = body.substring(q + 1);
    }
    boolean cluster = false;
    for (String p : query.split("&")) {
      if (p.equals("cluster=true") || p.equals("cluster")) {
        cluster = true;
      } else if (!p.isEmpty() && !p.startsWith("cluster=")) {
        throw new IllegalArgumentException("unknown option '" + p + "' (known: cluster=true)");
      }
    }
    int slash = path.lastIndexOf('/');
    String context = slash < 0 ? path : path.substring(0, slash);
    String nsPart = slash < 0 ? "" : path.substring(slash + 1);
    List<String> namespaces = new ArrayList<>();
    boolean all = false;
    for (String ns : nsPart.split(",")) {
      String n = ns.trim();
      if (n.equals("*")) {
        all = true;
      } else if (!n.isEmpty()) {
        namespaces.add(n);
      }
    }
    return new KubeSpec(context, all ? List.of() : namespaces, all, cluster);
  }
}
