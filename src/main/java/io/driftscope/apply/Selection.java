package io.driftscope.apply;

import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to apply: fields, whole resources, subtrees of the tree (a kind, a namespace), or any marked
 * set of those. Keys are matched with {@link ResourceKey#matches} against the diff's key and both
 * sides' keys, so a key parsed from the command line ({@code Deployment/api}) works as well as one
 * taken from the tree.
 */
public record Selection(List<Item> items) {

  public Selection {
    items = List.copyOf(items);
  }

  /** One selected node. */
  public sealed interface Item permits Field, Whole, Subtree {}

  /**
   * One field (and everything below it) of one resource; naming a field explicitly also selects
   * differences that the ignore rules hide.
   */
  public record Field(ResourceKey key, FieldPath path) implements Item {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(path, "path");
    }
  }

  /** A whole resource: all its differences, or its create or delete. */
  public record Whole(ResourceKey key) implements Item {
    public Whole {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * Every resource under a tree node: all of a kind (optionally in a group), all in a namespace, or
   * both; {@code null} matches anything. Ignored resources and differences are left out.
   */
  public record Subtree(String group, String kind, String namespace) implements Item {}

  /** One field. */
  public static Selection field(ResourceKey key, FieldPath path) {
    return new Selection(List.of(new Field(key, path)));
  }

  /** One resource. */
  public static Selection resource(ResourceKey key) {
    return new Selection(List.of(new Whole(key)));
  }

  /** Every resource of a kind ({@code group} {@code null} for any group). */
  public static Selection kind(String group, String kind) {
    return new Selection(List.of(new Subtree(group, kind, null)));
  }

  /** Every resource in a namespace. */
  public static Selection namespace(String namespace) {
    return new Selection(List.of(new Subtree(null, null, namespace)));
  }

  /** Everything that drifts. */
  public static Selection all() {
    return new Selection(List.of(new Subtree(null, null, null)));
  }

  /** This selection and the items of {@code other}. */
  public Selection plus(Selection other) {
    List<Item> list = new ArrayList<>(items);
    list.addAll(other.items);
    return new Selection(list);
  }

  /** Whether a resource is named by a {@link Field} or {@link Whole} item (chosen explicitly). */
  boolean namesExplicitly(ResourceDiff d) {
    for (Item i : items) {
      if (i instanceof Whole w && keyMatches(w.key(), d)) {
        return true;
      }
      if (i instanceof Field f && keyMatches(f.key(), d)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a key (possibly parsed from the command line) names the resource of a diff. */
  public static boolean keyMatches(ResourceKey wanted, ResourceDiff d) {
    return same(wanted, d.key())
        || (d.left() != null && same(wanted, d.left().key()))
        || (d.right() != null && same(wanted, d.right().key()));
  }

  private static boolean same(ResourceKey wanted, ResourceKey actual) {
    return wanted.equals(actual) || wanted.matches(actual);
  }

  static boolean subtreeMatches(Subtree s, ResourceDiff d) {
    ResourceKey k = d.key();
    return (s.group() == null || s.group().equals(k.group()))
        && (s.kind() == null || s.kind().equalsIgnoreCase(k.kind()))
        && (s.namespace() == null
            || s.namespace().equals(k.namespace())
            || (d.right() != null && s.namespace().equals(d.right().key().namespace())));
  }
}
