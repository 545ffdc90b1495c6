package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A default the API server computes from other fields (e.g. {@code imagePullPolicy} from the
 * image's tag), named in the defaults table.
 */
public interface DefaultRule {

  /** Marker result: any value the server chose is the default (allocated, as-assigned). */
  JsonNode ANY_VALUE = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

  /**
   * The default the side that lacks the field would get.
   *
   * @param missingParent the parent object on the side that lacks the field, may be {@code null}
   * @param presentParent the parent object on the side that has it
   * @param argument the rule's argument from the table (e.g. the field for {@code sameAs}), may be
   *     empty
   * @return the default, {@link #ANY_VALUE}, or {@code null} when there is none
   */
  JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument);

  /** One sentence for explain, e.g. "Always for :latest or no tag, else IfNotPresent". */
  String describe(String argument);
}
