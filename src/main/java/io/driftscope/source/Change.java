package io.driftscope.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.util.List;
import java.util.Objects;

/** One change to one resource of a source, carrying its precondition; see {@link Applier}. */
public sealed interface Change {

  /** The target resource's key. */
  ResourceKey key();

  /**
   * The target resource as it was when diffed, the precondition of the change; {@code null} for a
   * {@link Create}, whose precondition is that the resource does not exist.
   */
  Resource current();

  /** A short verb for plans and journals: {@code patch}, {@code create}, {@code delete}, … */
  String verb();

  /**
   * Changes fields of an existing resource.
   *
   * @param current the resource as diffed
   * @param ops a JSON Patch (RFC 6902) resolved against {@code current}'s document; {@code test}
   *     operations guard old values and keyed-list entries
   */
  record Patch(Resource current, List<PatchOp> ops) implements Change {
    public Patch {
      Objects.requireNonNull(current, "current");
      ops = List.copyOf(ops);
    }

    @Override
    public ResourceKey key() {
      return current.key();
    }

    @Override
    public String verb() {
      return "patch";
    }
  }

  /**
   * Creates a resource that the target does not have.
   *
   * @param key the key it will have on the target
   * @param document its full document, server-owned fields removed
   * @param where where it was before, when known (undo of a delete recreates it there: a file
   *     applier appends it to that file); empty: the applier decides
   */
  record Create(ResourceKey key, ObjectNode document, String where) implements Change {
    public Create {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(document, "document");
      where = where == null ? "" : where;
    }

    /** A create whose place the applier decides. */
    public Create(ResourceKey key, ObjectNode document) {
      this(key, document, "");
    }

    @Override
    public Resource current() {
      return null;
    }

    @Override
    public String verb() {
      return "create";
    }
  }

  /** Deletes a resource, guarded by its state as diffed. */
  record Delete(Resource current) implements Change {
    public Delete {
      Objects.requireNonNull(current, "current");
    }

    @Override
    public ResourceKey key() {
      return current.key();
    }

    @Override
    public String verb() {
      return "delete";
    }
  }

  /**
   * Makes a resource's whole document equal to {@code document} (undo uses it to restore a recorded
   * state), guarded by its state as diffed.
   */
  record Replace(Resource current, ObjectNode document) implements Change {
    public Replace {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(document, "document");
    }

    @Override
    public ResourceKey key() {
      return current.key();
    }

    @Override
    public String verb() {
      return "replace";
    }
  }

  /**
   * Server-side apply of a whole resource: the target's fields that {@code document} names become
   * owned by Driftscope's field manager and take its values; a field another manager owns with a
   * different value is a conflict ({@link ApplyException.Kind#CONFLICT}) unless {@code force}.
   *
   * @param key the target resource's key
   * @param current the target resource as diffed; {@code null} when it does not exist (the apply
   *     creates it)
   * @param document the whole desired object, server-owned fields removed
   * @param force take over fields other managers own ({@code --force-conflicts})
   */
  record Apply(ResourceKey key, Resource current, ObjectNode document, boolean force)
      implements Change {
    /** The field manager Driftscope applies as. */
    public static final String FIELD_MANAGER = "driftscope";

    public Apply {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(document, "document");
    }

    @Override
    public String verb() {
      return "apply";
    }
  }
}
