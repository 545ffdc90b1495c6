package io.driftscope.diff;

import io.driftscope.core.FieldPath;

/**
 * Why a field is not drift although its spelling differs, or why it is not listed: the evidence
 * {@code driftscope explain} and the detail pane show.
 *
 * @param path the field
 * @param kind what made it equal or hidden
 * @param text one sentence for a person, e.g. "imagePullPolicy IfNotPresent is the API server's
 *     default for a tagged image (defaults table Container)"
 */
public record Note(FieldPath path, Kind kind, String text) {

  /** The kinds of evidence. */
  public enum Kind {
    /** Stripped as server-owned (status, managedFields, allocated clusterIP …). */
    SERVER_OWNED,
    /** Equal because one side holds the API server's default. */
    DEFAULTED,
    /** Equal as quantities ({@code 1Gi} = {@code 1024Mi}). */
    QUANTITY,
    /** Equal as empty values ({@code ""}, {@code null}, {@code {}}, {@code []}, absent). */
    EMPTY,
    /** A list compared by its merge key, so order does not matter. */
    KEYED_LIST,
    /** A live-only field that was never applied from the desired side: not drift. */
    LIVE_ONLY,
    /** A live-only field that was applied before (last-applied or an Apply manager): drift. */
    APPLIED_BEFORE,
    /** Ignored by a rule. */
    IGNORED,
    /** Owned by a field manager in managedFields. */
    MANAGER,
    /** Any other normalization (stringData folded into data …). */
    OTHER
  }
}
