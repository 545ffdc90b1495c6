package io.driftscope.source;

/**
 * Writes changes into a source. The operations and their plan are defined by the {@code apply}
 * package; a source only promises to carry them out with the preconditions they state.
 */
public interface Applier {}
