package io.driftscope.source;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;

/**
 * What a change did, or would do in a dry run.
 *
 * @param key the resource changed
 * @param after the resource's new state (as the target reports it, including what defaulting or
 *     webhooks added); {@code null} after a delete
 * @param exactChange the exact change as the target receives it, secret values hidden: the JSON
 *     Patch or request body sent, or the file edit as a unified diff
 * @param backup a backup the applier kept (e.g. {@code deploy.yaml.driftscope-bak}); empty when
 *     none
 */
public record Applied(ResourceKey key, Resource after, String exactChange, String backup) {

  public Applied {
    exactChange = exactChange == null ? "" : exactChange;
    backup = backup == null ? "" : backup;
  }
}
