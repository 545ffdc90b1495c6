package io.driftscope.source.kubernetes;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Finds every resource type a server serves that can be listed and watched, through API discovery
 * ({@code /api/v1}, {@code /apis}, then each group's preferred version), custom resources included.
 */
final class KindDiscovery {

  /** The kinds found, and notices about group-versions that could not be read. */
  record Found(List<KindInfo> kinds, List<String> notices) {}

  private KindDiscovery() {}

  /** Runs discovery; a failure to read {@code /api/v1} or {@code /apis} is thrown. */
  static Found discover(KubernetesClient client, ExecutorService pool) {
    List<String> versions = new ArrayList<>();
    versions.add("v1");
    APIGroupList groups = client.getApiGroups();
    if (groups != null && groups.getGroups() != null) {
      for (APIGroup g : groups.getGroups()) {
        if (g.getPreferredVersion() != null) {
          versions.add(g.getPreferredVersion().getGroupVersion());
        } else if (g.getVersions() != null && !g.getVersions().isEmpty()) {
          versions.add(g.getVersions().get(0).getGroupVersion());
        }
      }
    }
    List<CompletableFuture<APIResourceList>> lists = new ArrayList<>();
    for (String gv : versions) {
      lists.add(CompletableFuture.supplyAsync(() -> client.getApiResources(gv), pool));
    }
    List<KindInfo> kinds = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      String gv = versions.get(i);
      APIResourceList list;
      try {
        list = lists.get(i).join();
      } catch (CompletionException e) {
        if (gv.equals("v1")) {
          throw e;
        }
        notices.add("skipped API " + gv + ": discovery failed (" + Failures.reason(e) + ")");
        continue;
      }
      if (list == null || list.getResources() == null) {
        continue;
      }
      int slash = gv.indexOf('/');
      String group = slash < 0 ? "" : gv.substring(0, slash);
      String version = slash < 0 ? gv : gv.substring(slash + 1);
      for (APIResource r : list.getResources()) {
        List<String> verbs = r.getVerbs() == null ? List.of() : r.getVerbs();
        if (r.getName().contains("/") || !verbs.contains("list") || !verbs.contains("watch")) {
          continue;
        }
        kinds.add(
            new KindInfo(
                group, version, r.getKind(), r.getName(), Boolean.TRUE.equals(r.getNamespaced())));
      }
    }
    return new Found(kinds, notices);
  }
}
