package io.driftscope.config;

/**
 * A named environment from the config file.
 *
 * @param name its short name
 * @param spec the source spec it stands for
 * @param isProtected changes need the name typed to confirm; shown in a warning style
 * @param readOnly changes are refused
 */
public record Environment(String name, String spec, boolean isProtected, boolean readOnly) {}
