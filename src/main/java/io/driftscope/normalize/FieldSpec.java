package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the schema knows about one field: its shape (object, keyed list, positional list, atomic
 * value, quantity), its type, its merge keys, whether it is stripped, and its default. Immutable.
 */
public final class FieldSpec {

  /** How a field's value is compared. */
  public enum Shape {
    /**
     * Not declared: objects compare field by field, lists of scalars atomically, others by index.
     */
    AUTO,
    /** An object of {@link #type()}. */
    OBJECT,
    /** A list whose entries pair by the merge {@link #keys()}. */
    KEYED_LIST,
    /** A list compared position by position. */
    LIST,
    /** Compared as one value ({@code command}, {@code args}, {@code tolerations}). */
    ATOMIC,
    /** A resource quantity, compared by value. */
    QUANTITY
  }

  private final Shape shape;
  private final TypeSpec type;
  private final List<String> keys;
  private final Strip strip;
  private final JsonNode defaultValue;
  private final DefaultRule rule;
  private final String ruleArgument;
  private final String owner;
  private final String whenPresent;

  FieldSpec(
      Shape shape,
      TypeSpec type,
      List<String> keys,
      Strip strip,
      JsonNode defaultValue,
      DefaultRule rule,
      String ruleArgument,
      String owner,
      String whenPresent) {
    this.shape = shape;
    this.type = type;
    this.keys = List.copyOf(keys);
    this.strip = strip;
    this.defaultValue = defaultValue;
    this.rule = rule;
    this.ruleArgument = ruleArgument == null ? "" : ruleArgument;
    this.owner = owner;
    this.whenPresent = whenPresent;
  }

  public Shape shape() {
    return shape;
  }

  /** The object type, or the element type of a list. */
  public TypeSpec type() {
    return type;
  }

  /** The merge keys of a keyed list, in order. */
  public List<String> keys() {
    return keys;
  }

  /** The server-owned row for this field, or {@code null}. */
  public Strip strip() {
    return strip;
  }

  /** Where the table declares this field, e.g. {@code Container.imagePullPolicy}. */
  public String owner() {
    return owner;
  }

  /** For structural recognition: a dotted path that must exist in the value, or {@code null}. */
  String whenPresent() {
    return whenPresent;
  }

  /** Whether the field has a default at all. */
  public boolean hasDefault() {
    return defaultValue != null || rule != null;
  }

  /**
   * The value the side lacking this field would get from the API server, {@link
   * DefaultRule#ANY_VALUE}, or {@code null}.
   */
  public JsonNode defaultFor(JsonNode missingParent, JsonNode presentParent) {
    if (defaultValue != null) {
      return defaultValue;
    }
    return rule == null ? null : rule.defaultFor(missingParent, presentParent, ruleArgument);
  }

  /** One phrase naming the default, for notes. */
  public String describeDefault() {
    if (rule != null) {
      return rule.describe(ruleArgument) + " (defaults table " + owner + ")";
    }
    return "the API server's default (defaults table " + owner + ")";
  }

  /** The same field with another strip row or default, used while loading the table. */
  FieldSpec with(
      Strip newStrip,
      JsonNode newDefault,
      DefaultRule newRule,
      String newArgument,
      String newOwner) {
    return new FieldSpec(
        shape,
        type,
        keys,
        newStrip != null ? newStrip : strip,
        newDefault != null ? newDefault : (newRule != null ? null : defaultValue),
        newRule != null ? newRule : (newDefault != null ? null : rule),
        newRule != null ? newArgument : ruleArgument,
        newOwner,
        whenPresent);
  }

  /** The same field with a structural-recognition condition. */
  FieldSpec whenPresent(String path) {
    return new FieldSpec(shape, type, keys, strip, defaultValue, rule, ruleArgument, owner, path);
  }

  @Override
  public String toString() {
    return owner + ":" + shape + (type == null ? "" : "<" + type.name() + ">") + keys;
  }
}
