package io.driftscope.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/**
 * One named style of a theme: foreground, background and modifiers. {@code null} colours mean the
 * terminal's default.
 */
public record Style(TextColor foreground, TextColor background, Set<SGR> modifiers) {

  /** The terminal's default colours without modifiers. */
  public static final Style PLAIN = new Style(null, null, Set.of());

  public Style {
    modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(modifiers);
  }

  /** This style with the colours it leaves unset taken from {@code base}. */
  Style over(Style base) {
    return new Style(
        foreground == null ? base.foreground : foreground,
        background == null ? base.background : background,
        modifiers);
  }

  /** This style drawn on {@code row}'s background when it sets none, for highlights on a row. */
  public Style onBackgroundOf(Style row) {
    Set<SGR> mods = EnumSet.noneOf(SGR.class);
    mods.addAll(modifiers);
    mods.addAll(row.modifiers);
    return new Style(
        foreground,
        row.background != null ? row.background : background,
        mods.isEmpty() ? Set.of() : mods);
  }
}
