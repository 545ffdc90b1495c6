package io.driftscope.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * One row of the key map: the keys that trigger an action, how help and the hint bar describe it,
 * its group, and whether it is available (else why not).
 *
 * @param keys how help writes the keys, e.g. {@code j ↓}
 * @param triggers the keystrokes that trigger it
 * @param action the action
 * @param description what it does, for help
 * @param group the help column
 * @param hint the hint bar's text (e.g. {@code j/k move}), or {@code null} to stay out of it
 * @param disabledReason why it is not available, or {@code null} when it is
 */
public record KeyBinding(
    String keys,
    List<Key> triggers,
    Action action,
    String description,
    Group group,
    String hint,
    String disabledReason) {

  /** The help screen's columns. */
  public enum Group {
    MOVE("Move"),
    FIND("Find"),
    COMPARE("Compare"),
    APPLY("Apply"),
    VIEW("View"),
    /** The plan dialog's keys; looked up only while the dialog is open. */
    DIALOG("Plan dialog");

    private final String title;

    Group(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** A keystroke pattern: a character (with or without Ctrl) or a special key. */
  public record Key(KeyType type, Character character, boolean ctrl) {

    public static Key of(char c) {
      return new Key(KeyType.Character, c, false);
    }

    public static Key ctrl(char c) {
      return new Key(KeyType.Character, c, true);
    }

    public static Key of(KeyType type) {
      return new Key(type, null, false);
    }

    /** How a hint writes this key: {@code v}, {@code Enter}, {@code Esc}, {@code ↓}. */
    public String label() {
      if (type == KeyType.Character) {
        return (ctrl ? "^" : "") + character;
      }
      return switch (type) {
        case Escape -> "Esc";
        case ArrowDown -> "↓";
        case ArrowUp -> "↑";
        case PageDown -> "PgDn";
        case PageUp -> "PgUp";
        default -> type.name();
      };
    }

    /** Whether {@code stroke} is this key (Alt is never part of a binding). */
    public boolean matches(KeyStroke stroke) {
      if (stroke.getKeyType() != type || stroke.isAltDown()) {
        return false;
      }
      if (type != KeyType.Character) {
        return true;
      }
      return character.equals(stroke.getCharacter()) && ctrl == stroke.isCtrlDown();
    }
  }

  public KeyBinding {
    triggers = List.copyOf(triggers);
  }

  /** Whether the action can be used now. */
  public boolean enabled() {
    return disabledReason == null;
  }

  /** This binding, unavailable for {@code reason}. */
  public KeyBinding disabled(String reason) {
    return new KeyBinding(keys, triggers, action, description, group, hint, reason);
  }

  /** This binding, available. */
  public KeyBinding enabledNow() {
    return new KeyBinding(keys, triggers, action, description, group, hint, null);
  }
}
