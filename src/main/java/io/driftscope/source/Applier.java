package io.driftscope.source;

import io.driftscope.core.Resource;

/**
 * Writes changes into the source it belongs to, one resource at a time, never overwriting what it
 * has not seen.
 *
 * <p>Every {@link Change} names the target resource <em>as it was when diffed</em> ({@link
 * Change#current()}); that is the precondition. If the target no longer matches it (a Kubernetes
 * object whose {@code resourceVersion} moved, a file whose document was edited, a container that
 * was recreated) the applier throws {@link ApplyException} of kind {@link
 * ApplyException.Kind#CHANGED_SINCE} instead of writing. A {@link Change.Patch} additionally
 * carries {@code test} operations that guard the exact old values it replaces and the key fields of
 * keyed list entries it addresses by position, as an RFC 6902 JSON Patch does.
 *
 * <p>How a backend maps the changes:
 *
 * <ul>
 *   <li>{@link Change.Patch}: the operations are a JSON Patch (RFC 6902: {@code test}, {@code add},
 *       {@code remove}, {@code replace}) whose paths are JSON Pointers with list positions,
 *       resolved against {@code current}'s document. Kubernetes sends it as {@code
 *       application/json-patch+json} (with a {@code test} on {@code /metadata/resourceVersion} when
 *       {@code current} has one); a file applier edits the document's text in place.
 *   <li>{@link Change.Create}: creates the resource from a full document; fails with {@code
 *       CHANGED_SINCE} when it exists already.
 *   <li>{@link Change.Delete}: deletes {@code current}, guarded by its version (Kubernetes: uid and
 *       resourceVersion preconditions).
 *   <li>{@link Change.Replace}: makes {@code current}'s whole document equal to the given one (used
 *       by undo to restore a recorded state); Kubernetes sends an update with {@code current}'s
 *       resourceVersion.
 *   <li>{@link Change.Apply}: server-side apply of a whole object (Kubernetes only; other appliers
 *       refuse it as {@code REJECTED}); conflicts with other field managers throw {@code CONFLICT}.
 * </ul>
 *
 * <p>{@link #dryRun} checks the precondition and validates without writing (Kubernetes: server dry
 * run {@code dryRun=All}; files: the rewritten document re-parsed) and returns what the target
 * would become; a change the target refuses throws {@link ApplyException.Kind#REJECTED}. {@link
 * #apply} writes and returns the new state. Both are blocking and may be called from any thread;
 * calls for one source are made one after another.
 *
 * <p>Secret values travel in the changes in clear (they are applied by value) but must never appear
 * in {@link Applied#exactChange()} or in exception messages.
 */
public interface Applier {

  /**
   * The opaque version of a resource as this source loaded it, shown in plans and journals: a
   * {@code resourceVersion}, a content hash, a container id; empty when the source has none.
   */
  default String versionOf(Resource resource) {
    return "";
  }

  /**
   * Checks the precondition and validates the change without writing anything.
   *
   * @return what the target would become ({@link Applied#after()} is {@code null} for a delete)
   * @throws ApplyException {@code CHANGED_SINCE} when the target moved, {@code REJECTED} when it
   *     refuses the change (with its reason), {@code FAILED} for anything else
   */
  Applied dryRun(Change change) throws ApplyException;

  /**
   * Checks the precondition and writes the change.
   *
   * @param runId the journal id of the apply this change belongs to; changes of one run share it (a
   *     file applier backs a file up once per run)
   * @return the new state
   * @throws ApplyException as for {@link #dryRun}; nothing was written when it is thrown
   */
  Applied apply(Change change, String runId) throws ApplyException;
}
