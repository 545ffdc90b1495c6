package io.driftscope.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The Kubernetes normalization rules the differ applies: the mini-schema (types, merge keys,
 * defaults, server-owned fields) and the whole-document transforms. Immutable and thread-safe.
 */
public final class KubernetesNormalization {

  private static final KubernetesNormalization STANDARD =
      new KubernetesNormalization(
          KubernetesSchema.standard(), List.of(new SecretStringDataFolding(), new PodAdmission()));

  private final KubernetesSchema schema;
  private final List<DocumentTransform> transforms;

  public KubernetesNormalization(KubernetesSchema schema, List<DocumentTransform> transforms) {
    this.schema = schema;
    this.transforms = List.copyOf(transforms);
  }

  /** The rules shipped with Driftscope. */
  public static KubernetesNormalization standard() {
    return STANDARD;
  }

  public KubernetesSchema schema() {
    return schema;
  }

  /** The schema type of a resource's document. */
  public TypeSpec rootType(Resource resource) {
    return schema.rootType(resource.apiVersion(), resource.key().kind());
  }

  /** The document to compare: the raw one, rewritten by the transforms that concern its kind. */
  public ObjectNode prepare(Resource resource, BiConsumer<FieldPath, String> noted) {
    ObjectNode doc = resource.document();
    for (DocumentTransform t : transforms) {
      if (t.appliesTo(resource.key().group(), resource.key().kind())) {
        doc = t.apply(doc, noted);
      }
    }
    return doc;
  }
}
