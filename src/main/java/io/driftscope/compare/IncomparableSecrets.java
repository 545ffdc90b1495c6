package io.driftscope.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.Resource;
import io.driftscope.core.SecretDigest;
import io.driftscope.core.SecretMasking;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The differ for two sides that both hold Secret values only as digests, salted differently (two
 * snapshots taken without secrets, in separate runs): such digests cannot tell whether the values
 * are equal, so where they differ the difference is shown as ignored, with the reason, rather than
 * as drift. A Secret key present on one side only is still drift.
 */
final class IncomparableSecrets implements ResourceDiffer {

  static final String REASON =
      "both sides hold this Secret value only as a digest, salted differently (snapshots taken"
          + " without secrets in separate runs): the values cannot be compared";

  private final ResourceDiffer differ;

  private IncomparableSecrets(ResourceDiffer differ) {
    this.differ = differ;
  }

  /** {@code differ}, or this differ around it when the two sources' digests cannot be compared. */
  static ResourceDiffer around(ResourceDiffer differ, Source left, Source right) {
    Optional<SecretDigest> l = left.secretDigest();
    Optional<SecretDigest> r = right.secretDigest();
    boolean incomparable =
        l.isPresent() && r.isPresent() && !l.get().saltHex().equals(r.get().saltHex());
    return incomparable ? new IncomparableSecrets(differ) : differ;
  }

  @Override
  public ResourceDiff diff(Resource left, Resource right) {
    ResourceDiff d = differ.diff(left, right);
    if (left == null
        || right == null
        || d.status() != DriftStatus.CHANGED
        || !SecretMasking.isSecret(d.key())) {
      return d;
    }
    List<Difference> differences = new ArrayList<>(d.differences().size());
    boolean drift = false;
    for (Difference x : d.differences()) {
      if (x.status() == DriftStatus.CHANGED && isDigest(x.left()) && isDigest(x.right())) {
        x = x.ignoredBecause(REASON);
      }
      drift |= x.status().isDrift();
      differences.add(x);
    }
    return new ResourceDiff(
        d.key(),
        d.version(),
        drift ? DriftStatus.CHANGED : DriftStatus.SAME,
        d.ignored(),
        d.reason(),
        differences,
        d.notes(),
        left,
        right);
  }

  private static boolean isDigest(JsonNode value) {
    return value != null && value.isTextual() && SecretDigest.isDigest(value.textValue());
  }
}
