package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import java.util.Map;

/** The named computed-default rules the defaults table may cite. */
public final class DefaultRules {

  private static final Map<String, DefaultRule> RULES =
      Map.of(
          "imagePullPolicyFromImage", new ImagePullPolicy(),
          "sameAs", new SameAs(),
          "selectorFromTemplateLabels", new SelectorFromTemplateLabels(),
          "networkPolicyTypes", new NetworkPolicyTypes(),
          "asAllocated", new AsAllocated(),
          "subjectApiGroup", new SubjectApiGroup());

  private DefaultRules() {}

  /** The rule of that name, or {@code null}. */
  public static DefaultRule named(String name) {
    return RULES.get(name);
  }

  /** The parent to read other fields from: the lacking side's if it has one, else the other. */
  private static JsonNode source(JsonNode missingParent, JsonNode presentParent) {
    return missingParent != null && missingParent.isObject() ? missingParent : presentParent;
  }

  /** {@code Always} for an image tagged {@code latest} or untagged, else {@code IfNotPresent}. */
  private static final class ImagePullPolicy implements DefaultRule {
    @Override
    public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument) {
      JsonNode image = source(missingParent, presentParent).get("image");
      if (image == null || !image.isTextual()) {
        return null;
      }
      return Json.NODES.textNode(pullPolicyFor(image.textValue()));
    }

    @Override
    public String describe(String argument) {
      return "Always for an image tagged :latest or untagged, else IfNotPresent";
    }
  }

  /** The pull policy the API server gives a container of {@code image}. */
  static String pullPolicyFor(String image) {
    int slash = image.lastIndexOf('/');
    String last = image.substring(slash + 1);
    int at = last.indexOf('@');
    String beforeDigest = at < 0 ? last : last.substring(0, at);
    int colon = beforeDigest.indexOf(':');
    String tag = colon < 0 ? (at < 0 ? "latest" : "") : beforeDigest.substring(colon + 1);
    return tag.equals("latest") ? "Always" : "IfNotPresent";
  }

  /** A binding's User or Group subject is in the RBAC group (rbac/v1 SetDefaults_Subject). */
  private static final class SubjectApiGroup implements DefaultRule {
    @Override
    public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument) {
      JsonNode kind = source(missingParent, presentParent).get("kind");
      if (kind == null || !kind.isTextual()) {
        return null;
      }
      return switch (kind.textValue()) {
        case "User", "Group" -> Json.NODES.textNode("rbac.authorization.k8s.io");
        default -> null;
      };
    }

    @Override
    public String describe(String argument) {
      return "rbac.authorization.k8s.io for a User or Group subject";
    }
  }

  /** The value of a sibling field (a Service port's targetPort defaults to its port). */
  private static final class SameAs implements DefaultRule {
    @Override
    public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument) {
      JsonNode v = source(missingParent, presentParent).get(argument);
      if (Nodes.isAbsent(v) && presentParent != null) {
        // The lacking side lacks the other field too: that field is compared (and defaulted) on
        // its own, so this one follows the value it has where it is present.
        v = presentParent.get(argument);
      }
      return Nodes.isAbsent(v) ? null : v;
    }

    @Override
    public String describe(String argument) {
      return "the value of " + argument + ", which it defaults to";
    }
  }

  /** {@code matchLabels} of the pod template's labels (apps/v1beta1, extensions/v1beta1). */
  private static final class SelectorFromTemplateLabels implements DefaultRule {
    @Override
    public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument) {
      JsonNode labels = source(missingParent, presentParent).path("template").path("metadata");
      labels = labels.get("labels");
      if (labels == null || !labels.isObject()) {
        return null;
      }
      ObjectNode selector = Json.NODES.objectNode();
      selector.set("matchLabels", labels);
      return selector;
    }

    @Override
    public String describe(String argument) {
      return "defaults to matchLabels of the pod template's labels";
    }
  }

  /** {@code [Ingress]}, plus {@code Egress} when egress rules are given. */
  private static final class NetworkPolicyTypes implements DefaultRule {
    @Override
    public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument) {
      ArrayNode types = Json.NODES.arrayNode().add("Ingress");
      if (!Nodes.isEmpty(source(missingParent, presentParent).get("egress"))) {
        types.add("Egress");
      }
      return types;
    }

    @Override
    public String describe(String argument) {
      return "[Ingress], plus Egress when egress rules are given";
    }
  }

  /** Whatever the server assigned (ipFamilies, a Pod's priority …). */
  private static final class AsAllocated implements DefaultRule {
    @Override
    public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent, String argument) {
      return ANY_VALUE;
    }

    @Override
    public String describe(String argument) {
      return "assigned by the API server when not given";
    }
  }
}
