package io.driftscope.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The config file: named environments, ignore rules, backend settings and the namespace map. Read
 * from {@code --config FILE}, else {@code ./driftscope.yaml}, else {@code
 * ${XDG_CONFIG_HOME:-~/.config}/driftscope/config.yaml}; absent means empty.
 *
 * @param file the file read, empty when none was found
 * @param environments environments by name, in file order
 * @param ignoreRules each {@code ignore} entry with its line, for the rule parser
 * @param settings backend settings by dotted name ({@code kubernetes.skipKinds} …)
 * @param namespaceMap left namespace → right namespace
 */
public record Config(
    Optional<Path> file,
    Map<String, Environment> environments,
    List<LocatedRule> ignoreRules,
    Map<String, Object> settings,
    Map<String, String> namespaceMap) {

  /** One {@code ignore} entry and where it was written. */
  public record LocatedRule(JsonNode rule, String file, int line, int index) {}

  private static final Set<String> TOP_LEVEL =
      Set.of("environments", "ignore", "kubernetes", "docker", "namespaceMap", "theme");

  /** The empty config. */
  public static Config empty() {
    return new Config(Optional.empty(), Map.of(), List.of(), Map.of(), Map.of());
  }

  /**
   * Finds and reads the config file.
   *
   * @param explicit {@code --config FILE}, or null
   * @param workingDirectory where {@code ./driftscope.yaml} is looked for
   * @param env the process environment (XDG_CONFIG_HOME, HOME)
   */
  public static Config load(Path explicit, Path workingDirectory, Map<String, String> env)
      throws ConfigException {
    if (explicit != null) {
      if (!Files.exists(explicit)) {
        throw new ConfigException(explicit + ": no such config file (given by --config)");
      }
      return read(explicit);
    }
    Path local = workingDirectory.resolve("driftscope.yaml");
    if (Files.isRegularFile(local)) {
      return read(local);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    Path user = base.resolve("driftscope").resolve("config.yaml");
    return Files.isRegularFile(user) ? read(user) : empty();
  }

  /** Reads one config file. */
  public static Config read(Path file) throws ConfigException {
    LocatedYaml yaml = LocatedYaml.read(file);
    JsonNode root = yaml.root();
    if (!root.isObject()) {
      throw new ConfigException(yaml.where(root) + ": the config file must be a mapping");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_LEVEL.contains(key)) {
        throw new ConfigException(
            yaml.where(root.get(key))
                + ": unknown key '"
                + key
                + "' (known: environments, ignore, kubernetes, docker, namespaceMap, theme)");
      }
    }
    return new Config(
        Optional.of(file),
        environments(yaml, root.path("environments")),
        rules(yaml, root.path("ignore")),
        settings(yaml, root),
        namespaceMap(yaml, root.path("namespaceMap")));
  }

  private static Map<String, Environment> environments(LocatedYaml yaml, JsonNode node)
      throws ConfigException {
    Map<String, Environment> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          yaml.where(node) + ": environments must map names to specs, e.g. prod: k8s://prod/shop");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        out.put(e.getKey(), new Environment(e.getKey(), v.asText(), false, false));
      } else if (v.isObject() && v.path("source").isTextual()) {
        for (Iterator<String> f = v.fieldNames(); f.hasNext(); ) {
          String k = f.next();
          if (!Set.of("source", "protected", "readOnly").contains(k)) {
            throw new ConfigException(
                yaml.where(v.get(k))
                    + ": unknown key '"
                    + k
                    + "' in environment "
                    + e.getKey()
                    + " (known: source, protected, readOnly)");
          }
        }
        out.put(
            e.getKey(),
            new Environment(
                e.getKey(),
                v.get("source").asText(),
                v.path("protected").asBoolean(false),
                v.path("readOnly").asBoolean(false)));
      } else {
        throw new ConfigException(
            yaml.where(v)
                + ": environment "
                + e.getKey()
                + " needs a spec string or { source: SPEC, protected: true }");
      }
    }
    return out;
  }

  private static List<LocatedRule> rules(LocatedYaml yaml, JsonNode node) throws ConfigException {
    List<LocatedRule> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new ConfigException(yaml.where(node) + ": ignore must be a list of rules");
    }
    int i = 0;
    for (JsonNode rule : node) {
      out.add(new LocatedRule(rule, yaml.file().toString(), yaml.line(rule), i++));
    }
    return out;
  }

  private static Map<String, Object> settings(LocatedYaml yaml, JsonNode root)
      throws ConfigException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String section : List.of("kubernetes", "docker")) {
      JsonNode s = root.path(section);
      if (s.isMissingNode() || s.isNull()) {
        continue;
      }
      if (!s.isObject()) {
        throw new ConfigException(yaml.where(s) + ": " + section + " must be a mapping");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        Object value;
        if (v.isArray()) {
          List<String> list = new ArrayList<>();
          v.forEach(x -> list.add(x.asText()));
          value = List.copyOf(list);
        } else if (v.isBoolean()) {
          value = v.asBoolean();
        } else {
          value = v.asText();
        }
        out.put(section + "." + e.getKey(), value);
      }
    }
    if (root.path("theme").isTextual()) {
      out.put("theme", root.get("theme").asText());
    }
    return out;
  }

  private static Map<String, String> namespaceMap(LocatedYaml yaml, JsonNode node)
      throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          yaml.where(node) + ": namespaceMap must map left namespaces to right ones");
    }
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The environment of that name, if the config names one. */
  public Optional<Environment> environment(String name) {
    return Optional.ofNullable(environments.get(name));
  }
}
