package io.driftscope.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request path of the Kubernetes REST API taken apart: {@code
 * /api/v1/namespaces/shop/configmaps/x} or {@code /apis/apps/v1/deployments}, with its query
 * parameters.
 *
 * @param group the API group, {@code ""} for the core group
 * @param version the API version
 * @param namespace the namespace, or {@code null} for a cluster-wide request
 * @param plural the resource name (plural), or {@code null} for a group-version request
 * @param name the object name, or {@code null} for a collection
 * @param subresource e.g. {@code status}, or {@code null}
 * @param query the decoded query parameters
 */
record ApiPath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource,
    Map<String, String> query) {

  /** Parses a request path with its query; {@code null} when it is not a resource path. */
  static ApiPath parse(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, String> query = parseQuery(q < 0 ? "" : pathAndQuery.substring(q + 1));
    String[] s = path.replaceAll("^/+|/+$", "").split("/");
    int i;
    String group;
    String version;
    if (s.length >= 2 && s[0].equals("api")) {
      group = "";
      version = s[1];
      i = 2;
    } else if (s.length >= 3 && s[0].equals("apis")) {
      group = s[1];
      version = s[2];
      i = 3;
    } else {
      return null;
    }
    int rest = s.length - i;
    String namespace = null;
    // "namespaces/NAME" alone is the Namespace object itself; with more segments it scopes them.
    if (rest >= 3 && s[i].equals("namespaces")) {
      namespace = s[i + 1];
      i += 2;
      rest -= 2;
    }
    String plural = rest >= 1 ? s[i] : null;
    String name = rest >= 2 ? s[i + 1] : null;
    String sub = rest >= 3 ? s[i + 2] : null;
    return new ApiPath(group, version, namespace, plural, name, sub, query);
  }

  static Map<String, String> parseQuery(String text) {
    Map<String, String> query = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return query;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return query;
  }

  /** {@code v1} or {@code apps/v1}. */
  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Whether the request asks for a dry run ({@code dryRun=All}). */
  boolean dryRun() {
    return "All".equals(query.get("dryRun"));
  }

  /** Whether this is a watch request. */
  boolean watch() {
    String w = query.get("watch");
    return "true".equals(w) || "1".equals(w);
  }

  /** The path of the collection this path is in, without query. */
  String collectionPath() {
    return prefix() + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
  }

  /** The path of the named object, without query. */
  String objectPath(String objectName) {
    return collectionPath() + "/" + objectName;
  }

  private String prefix() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }
}
