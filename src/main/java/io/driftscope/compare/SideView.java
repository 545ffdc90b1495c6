package io.driftscope.compare;

import io.driftscope.source.SourceState;
import io.driftscope.source.SourceTraits;

/**
 * One side of a comparison as the screen shows it.
 *
 * @param label the environment's name (from the config file) or its spec
 * @param spec the source spec
 * @param traits what kind of source it is
 * @param state its connection state
 */
public record SideView(String label, String spec, SourceTraits traits, SourceState state) {

  public SideView withState(SourceState s) {
    return new SideView(label, spec, traits, s);
  }
}
