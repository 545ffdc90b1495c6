package io.driftscope.cli;

import io.driftscope.compare.Comparison;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.config.Config;
import io.driftscope.config.ConfigException;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.normalize.IgnoreRules;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a comparing command sets up from its options: the config file, the ignore rules, the
 * source registry and the opener, and from two opened sides the {@link Comparison}.
 */
public final class CompareSetup {

  private final Terminal terminal;
  private final CompareOptions options;
  private final Config config;
  private final IgnoreRules ignoreRules;
  private final Opener opener;

  private CompareSetup(
      Terminal terminal,
      CompareOptions options,
      Config config,
      IgnoreRules ignoreRules,
      Opener opener) {
    this.terminal = terminal;
    this.options = options;
    this.config = config;
    this.ignoreRules = ignoreRules;
    this.opener = opener;
  }

  /** Reads the config and the rules; bad ones fail here with file and line. */
  public static CompareSetup from(Terminal terminal, CompareOptions options)
      throws ConfigException {
    return from(terminal, options, c -> c);
  }

  /**
   * Like {@link #from(Terminal, CompareOptions)}, with the config file's content adjusted (the demo
   * adds its environments).
   */
  public static CompareSetup from(
      Terminal terminal, CompareOptions options, java.util.function.UnaryOperator<Config> adjust)
      throws ConfigException {
    java.nio.file.Path explicit =
        options.config == null ? null : terminal.workingDirectory().resolve(options.config);
    Config config =
        adjust.apply(Config.load(explicit, terminal.workingDirectory(), terminal.env()));
    IgnoreRules rules = Engine.ignoreRules(config, options.ignore, options.ignoreManagers);
    Map<String, Object> settings = new HashMap<>(config.settings());
    if (options.kubeconfig != null) {
      settings.put(
          "kubeconfig", terminal.workingDirectory().resolve(options.kubeconfig).toString());
    }
    SourceContext context =
        new SourceContext(
            options.namespace, terminal.workingDirectory(), terminal.clock(), settings);
    Opener opener =
        new Opener(
            Backends.registry(terminal.env()),
            config,
            context,
            Optional.ofNullable(options.namespace));
    return new CompareSetup(terminal, options, config, rules, opener);
  }

  public Config config() {
    return config;
  }

  public Opener opener() {
    return opener;
  }

  public IgnoreRules ignoreRules() {
    return ignoreRules;
  }

  /** Opens both sides. */
  public Opener.OpenedPair open(String left, String right) throws SourceException {
    return opener.openPair(left, right);
  }

  /** The mode for two opened sides: {@code --mode} if given, else the default for their kinds. */
  public ModeChoice mode(Opener.OpenedPair pair) {
    if (options.mode != null) {
      return new ModeChoice(options.mode, Optional.empty());
    }
    return ModeChoice.defaultFor(pair.left().source().traits(), pair.right().source().traits());
  }

  /** A comparison of two opened sides, not yet loaded. */
  public Comparison comparison(Opener.OpenedPair pair, Mode mode, boolean collectNotes) {
    DiffOptions diffOptions = new DiffOptions(mode, ignoreRules, collectNotes);
    Map<String, String> nsMap = new LinkedHashMap<>(config.namespaceMap());
    nsMap.putAll(options.mapNamespace);
    return new Comparison(
        pair.left().source(),
        pair.left().label(),
        pair.right().source(),
        pair.right().label(),
        Engine.differ(diffOptions),
        new Pairing(nsMap),
        mode,
        terminal.clock());
  }
}
