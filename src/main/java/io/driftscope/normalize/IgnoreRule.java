package io.driftscope.normalize;

import java.util.List;

/**
 * One ignore rule, shaped like an Argo CD {@code ignoreDifferences} entry.
 *
 * @param group API group, {@code *} for any; {@code null} (not written) matches any group
 * @param kind kind, {@code *} for any; {@code null} for any
 * @param namespace namespace to match, {@code null} for any
 * @param name name to match, {@code null} for any
 * @param jsonPointers JSON pointers (RFC 6901) of fields to ignore
 * @param jqPathExpressions jq expressions selecting fields to ignore
 * @param managedFieldsManagers field managers whose fields are ignored
 * @param reason why the difference is expected (from the rule's {@code reason}), may be empty
 * @param origin where the rule was written: {@code driftscope.yaml:14} or {@code --ignore
 *     /spec/replicas}
 */
public record IgnoreRule(
    String group,
    String kind,
    String namespace,
    String name,
    List<String> jsonPointers,
    List<String> jqPathExpressions,
    List<String> managedFieldsManagers,
    String reason,
    String origin) {

  public IgnoreRule {
    jsonPointers = List.copyOf(jsonPointers);
    jqPathExpressions = List.copyOf(jqPathExpressions);
    managedFieldsManagers = List.copyOf(managedFieldsManagers);
    reason = reason == null ? "" : reason;
  }
}
