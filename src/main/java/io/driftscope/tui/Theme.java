package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.driftscope.config.ConfigException;
import io.driftscope.config.LocatedYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of named styles read from a theme file ({@code themes/NAME.yaml} in the jar, or a path).
 * Code refers to styles only by the names in {@link #STYLE_NAMES}; a style a theme omits falls back
 * to {@code base}.
 */
public final class Theme {

  /** Every style name a theme may define. */
  public static final List<String> STYLE_NAMES =
      List.of(
          "base",
          "header",
          "status",
          "tree.cursor",
          "drift.same",
          "drift.changed",
          "drift.onlyLeft",
          "drift.onlyRight",
          "drift.ignored",
          "drift.notComparable",
          "env.protected",
          "tree.marked",
          "flash",
          "warning",
          "diff.word",
          "disabled",
          "dialog",
          "help",
          "error");

  /** The themes shipped in the jar. */
  public static final List<String> SHIPPED =
      List.of("dark", "light", "high-contrast", "colorblind", "mono");

  private static final Set<String> ATTRIBUTES =
      Set.of("fg", "bg", "bold", "reverse", "underline", "italic", "blink");
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  private final String name;
  private final Map<String, Style> styles;

  private Theme(String name, Map<String, Style> styles) {
    this.name = name;
    this.styles = styles;
  }

  /** The theme's name (a shipped name or the file path). */
  public String name() {
    return name;
  }

  /** The style of that name, {@code base} when the theme omits it. */
  public Style style(String styleName) {
    Style s = styles.get(styleName);
    return s != null ? s : styles.get("base");
  }

  /** Whether any style of this theme sets a colour. */
  public boolean usesColour() {
    return styles.values().stream().anyMatch(s -> s.foreground() != null || s.background() != null);
  }

  /**
   * The theme to start with: {@code requested} when given (a name or a path), else {@code mono}
   * when {@code NO_COLOR} is set to a non-empty value, else {@code dark}.
   */
  public static Theme choose(String requested, Map<String, String> env) throws ConfigException {
    if (requested != null && !requested.isBlank()) {
      return load(requested);
    }
    String noColor = env.get("NO_COLOR");
    return load(noColor != null && !noColor.isEmpty() ? "mono" : "dark");
  }

  /** Loads a shipped theme by name, or a theme file by path. */
  public static Theme load(String nameOrPath) throws ConfigException {
    if (SHIPPED.contains(nameOrPath)) {
      String resource = "/themes/" + nameOrPath + ".yaml";
      try (InputStream in = Theme.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ConfigException(resource + ": shipped theme missing from the jar");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(nameOrPath, LocatedYaml.parse(Path.of("themes", nameOrPath + ".yaml"), text));
      } catch (IOException e) {
        throw new ConfigException(resource + ": cannot read (" + e.getMessage() + ")");
      }
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "unknown theme '"
              + nameOrPath
              + "': neither a shipped theme ("
              + String.join(", ", SHIPPED)
              + ") nor a file");
    }
    return parse(nameOrPath, LocatedYaml.read(file));
  }

  /** Parses a theme from YAML text; errors name {@code file} and the line. */
  public static Theme parse(String name, LocatedYaml yaml) throws ConfigException {
    JsonNode root = yaml.root();
    if (!root.isObject()) {
      throw new ConfigException(
          yaml.where(root) + ": a theme maps style names to { fg, bg, bold, … }");
    }
    Map<String, Style> styles = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!STYLE_NAMES.contains(e.getKey())) {
        throw new ConfigException(
            yaml.where(e.getValue())
                + ": unknown style '"
                + e.getKey()
                + "' (known: "
                + String.join(", ", STYLE_NAMES)
                + ")");
      }
      styles.put(e.getKey(), style(yaml, e.getKey(), e.getValue()));
    }
    Style base = styles.getOrDefault("base", Style.PLAIN);
    styles.put("base", base);
    styles.replaceAll((k, s) -> s.over(base));
    return new Theme(name, Map.copyOf(styles));
  }

  private static Style style(LocatedYaml yaml, String styleName, JsonNode node)
      throws ConfigException {
    if (!node.isObject()) {
      throw new ConfigException(
          yaml.where(node) + ": style '" + styleName + "' must be a mapping such as { fg: cyan }");
    }
    TextColor fg = null;
    TextColor bg = null;
    Set<SGR> mods = EnumSet.noneOf(SGR.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (!ATTRIBUTES.contains(key)) {
        throw new ConfigException(
            yaml.where(v)
                + ": unknown attribute '"
                + key
                + "' in style '"
                + styleName
                + "' (known: fg, bg, bold, reverse, underline, italic, blink)");
      }
      switch (key) {
        case "fg" -> fg = colour(yaml, styleName, v);
        case "bg" -> bg = colour(yaml, styleName, v);
        default -> {
          if (!v.isBoolean()) {
            throw new ConfigException(
                yaml.where(v) + ": '" + key + "' in style '" + styleName + "' is true or false");
          }
          if (v.asBoolean()) {
            mods.add(SGR.valueOf(key.toUpperCase(Locale.ROOT)));
          }
        }
      }
    }
    return new Style(fg, bg, mods);
  }

  private static TextColor colour(LocatedYaml yaml, String styleName, JsonNode v)
      throws ConfigException {
    String text = v.asText().trim();
    if (v.isIntegralNumber() && v.asInt() >= 0 && v.asInt() <= 255) {
      return new TextColor.Indexed(v.asInt());
    }
    if (HEX.matcher(text).matches()) {
      return new TextColor.RGB(
          Integer.parseInt(text.substring(1, 3), 16),
          Integer.parseInt(text.substring(3, 5), 16),
          Integer.parseInt(text.substring(5, 7), 16));
    }
    String upper = text.toUpperCase(Locale.ROOT).replace('-', '_');
    if (upper.startsWith("BRIGHT_")) {
      upper = upper.substring(7) + "_BRIGHT";
    }
    if (!v.isNumber() && !upper.isEmpty()) {
      for (TextColor.ANSI a : TextColor.ANSI.values()) {
        if (a.name().equals(upper)) {
          return a == TextColor.ANSI.DEFAULT ? null : a;
        }
      }
    }
    throw new ConfigException(
        yaml.where(v)
            + ": bad colour '"
            + text
            + "' in style '"
            + styleName
            + "' (use default, black, red, green, yellow, blue, magenta, cyan, white, bright-NAME,"
            + " a number 0-255 or #rrggbb)");
  }
}
