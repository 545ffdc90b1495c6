package io.driftscope.tui;

import static io.driftscope.tui.KeyBinding.Group.APPLY;
import static io.driftscope.tui.KeyBinding.Group.COMPARE;
import static io.driftscope.tui.KeyBinding.Group.DIALOG;
import static io.driftscope.tui.KeyBinding.Group.FIND;
import static io.driftscope.tui.KeyBinding.Group.MOVE;
import static io.driftscope.tui.KeyBinding.Group.VIEW;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.driftscope.tui.KeyBinding.Group;
import io.driftscope.tui.KeyBinding.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The key bindings as one table of data: the screen dispatches through it, and the hint bar and the
 * help screen are drawn from it. Immutable.
 */
public final class KeyMap {

  /** Why the apply keys are unavailable while the environments are being opened. */
  public static final String NOT_OPEN = "available once both environments are open";

  /** Why the apply keys are unavailable when the comparison offers no way to apply. */
  public static final String NO_SESSION = "applying is not available for this comparison";

  /** Why apply keys are unavailable under {@code --read-only}. */
  public static final String READ_ONLY = "disabled by --read-only";

  private final List<KeyBinding> bindings;

  private KeyMap(List<KeyBinding> bindings) {
    this.bindings = List.copyOf(bindings);
  }

  /** The standard bindings of DESIGN.md; with {@code readOnly} the apply keys are disabled. */
  public static KeyMap standard(boolean readOnly) {
    List<KeyBinding> b = new ArrayList<>();
    b.add(
        bind(
            "j ↓",
            Action.DOWN,
            "move down",
            MOVE,
            "j/k move",
            Key.of('j'),
            Key.of(KeyType.ArrowDown)));
    b.add(bind("k ↑", Action.UP, "move up", MOVE, null, Key.of('k'), Key.of(KeyType.ArrowUp)));
    b.add(
        bind(
            "h ←",
            Action.COLLAPSE,
            "collapse, or go to parent",
            MOVE,
            "h/l fold",
            Key.of('h'),
            Key.of(KeyType.ArrowLeft)));
    b.add(
        bind(
            "l →",
            Action.EXPAND,
            "expand, or go to first child",
            MOVE,
            null,
            Key.of('l'),
            Key.of(KeyType.ArrowRight)));
    b.add(bind("*", Action.EXPAND_ALL, "expand everything below", MOVE, null, Key.of('*')));
    b.add(
        bind("g Home", Action.TOP, "go to the top", MOVE, null, Key.of('g'), Key.of(KeyType.Home)));
    b.add(
        bind(
            "G End",
            Action.BOTTOM,
            "go to the bottom",
            MOVE,
            null,
            Key.of('G'),
            Key.of(KeyType.End)));
    b.add(
        bind(
            "PgDn ^f",
            Action.PAGE_DOWN,
            "page down",
            MOVE,
            null,
            Key.of(KeyType.PageDown),
            Key.ctrl('f')));
    b.add(
        bind(
            "PgUp ^b",
            Action.PAGE_UP,
            "page up",
            MOVE,
            null,
            Key.of(KeyType.PageUp),
            Key.ctrl('b')));
    b.add(
        bind(
            "Enter",
            Action.OPEN,
            "open/close detail of a resource; else fold",
            MOVE,
            "⏎ detail",
            Key.of(KeyType.Enter)));
    b.add(
        bind(
            "Tab",
            Action.FOCUS,
            "switch focus tree ⇄ detail pane",
            MOVE,
            null,
            Key.of(KeyType.Tab)));
    b.add(bind("/", Action.FILTER, "filter by label or path", FIND, "/ filter", Key.of('/')));
    b.add(bind("n", Action.NEXT_MATCH, "next filter match", FIND, null, Key.of('n')));
    b.add(bind("N", Action.PREVIOUS_MATCH, "previous filter match", FIND, null, Key.of('N')));
    b.add(bind("]", Action.NEXT_DRIFT, "next drift", FIND, "]/[ next drift", Key.of(']')));
    b.add(bind("[", Action.PREVIOUS_DRIFT, "previous drift", FIND, null, Key.of('[')));
    b.add(
        bind("Esc", Action.ESCAPE, "clear filter, close pane", FIND, null, Key.of(KeyType.Escape)));
    b.add(
        bind(
            "d",
            Action.DRIFT_ONLY,
            "drift only (hide = nodes)",
            COMPARE,
            "d drift only",
            Key.of('d')));
    b.add(bind("z", Action.FOLD, "fold/unfold unchanged runs", COMPARE, null, Key.of('z')));
    b.add(bind("r", Action.RELOAD, "reload both sides", COMPARE, null, Key.of('r')));
    b.add(bind("m", Action.MASK, "mask/reveal secret values", COMPARE, null, Key.of('m')));
    b.add(bind("s", Action.SAVE, "save both sides as snapshots", COMPARE, null, Key.of('s')));
    b.add(
        bind(
            ":",
            Action.COMMAND,
            "command (:left :right :env :theme :undo :q)",
            COMPARE,
            ": cmd",
            Key.of(':')));
    b.add(
        bind("space", Action.MARK, "mark/unmark for apply", APPLY, null, Key.of(' '))
            .disabled(NOT_OPEN));
    b.add(
        bind(">", Action.APPLY_LEFT_TO_RIGHT, "apply left → right", APPLY, "> apply →", Key.of('>'))
            .disabled(NOT_OPEN));
    b.add(
        bind("<", Action.APPLY_RIGHT_TO_LEFT, "apply right → left", APPLY, "< apply ←", Key.of('<'))
            .disabled(NOT_OPEN));
    b.add(
        bind("u", Action.UNDO, "undo last apply (:undo N)", APPLY, null, Key.of('u'))
            .disabled(NOT_OPEN));
    b.add(bind("?", Action.HELP, "help", VIEW, "? help", Key.of('?')));
    b.add(bind("q", Action.QUIT, "quit", VIEW, "q quit", Key.of('q')));
    // The plan dialog: hints there are composed from the usable keys and these words.
    b.add(
        bind("y", Action.PLAN_CONFIRM, "apply (unprotected target)", DIALOG, "apply", Key.of('y')));
    b.add(
        bind(
            "Enter",
            Action.PLAN_CONFIRM_TYPED,
            "apply (protected: after its name)",
            DIALOG,
            "apply",
            Key.of(KeyType.Enter)));
    b.add(
        bind(
            "v Tab",
            Action.PLAN_EXACT,
            "show/hide the exact change",
            DIALOG,
            "exact change",
            Key.of('v'),
            Key.of(KeyType.Tab)));
    b.add(
        bind(
            "j ↓",
            Action.PLAN_DOWN,
            "scroll down",
            DIALOG,
            "scroll",
            Key.of('j'),
            Key.of(KeyType.ArrowDown)));
    b.add(
        bind(
            "k ↑",
            Action.PLAN_UP,
            "scroll up",
            DIALOG,
            null,
            Key.of('k'),
            Key.of(KeyType.ArrowUp)));
    b.add(bind("PgDn", Action.PLAN_PAGE_DOWN, "page down", DIALOG, null, Key.of(KeyType.PageDown)));
    b.add(bind("PgUp", Action.PLAN_PAGE_UP, "page up", DIALOG, null, Key.of(KeyType.PageUp)));
    b.add(bind("Esc", Action.PLAN_CANCEL, "cancel", DIALOG, "cancel", Key.of(KeyType.Escape)));
    KeyMap map = new KeyMap(b);
    return readOnly ? map.readOnly() : map;
  }

  private static KeyBinding bind(
      String keys, Action action, String description, Group group, String hint, Key... triggers) {
    return new KeyBinding(keys, List.of(triggers), action, description, group, hint, null);
  }

  /** Every binding, in table order. */
  public List<KeyBinding> bindings() {
    return bindings;
  }

  /** The bindings of one help group, in table order. */
  public List<KeyBinding> group(Group group) {
    return bindings.stream().filter(b -> b.group() == group).toList();
  }

  /** The binding for an action. */
  public KeyBinding binding(Action action) {
    return bindings.stream().filter(b -> b.action() == action).findFirst().orElseThrow();
  }

  /** The main screen's action {@code stroke} triggers, if any (available or not). */
  public Optional<KeyBinding> lookup(KeyStroke stroke) {
    for (KeyBinding b : bindings) {
      if (b.group() == DIALOG) {
        continue;
      }
      for (Key k : b.triggers()) {
        if (k.matches(stroke)) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The plan dialog's action {@code stroke} triggers, if any. While a name is being typed ({@code
   * typing}), character keys are text, not actions.
   */
  public Optional<KeyBinding> lookupInDialog(KeyStroke stroke, boolean typing) {
    for (KeyBinding b : group(DIALOG)) {
      for (Key k : b.triggers()) {
        if (k.matches(stroke) && !(typing && k.type() == KeyType.Character)) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The plan dialog's hints, e.g. {@code y apply}, {@code j/k scroll}: the first key usable now and
   * the binding's words. While typing a name only the non-character keys are usable, and {@code y}
   * is replaced by {@code Enter}; otherwise {@code Enter} is left out.
   */
  public List<String> dialogHints(boolean typing) {
    List<String> out = new ArrayList<>();
    for (KeyBinding b : group(DIALOG)) {
      if (b.hint() == null
          || (typing && b.action() == Action.PLAN_CONFIRM)
          || (!typing && b.action() == Action.PLAN_CONFIRM_TYPED)) {
        continue;
      }
      Optional<String> key = firstUsable(b, typing);
      if (key.isEmpty()) {
        continue;
      }
      String keys = key.get();
      if (b.action() == Action.PLAN_DOWN) {
        keys += firstUsable(binding(Action.PLAN_UP), typing).map(k -> "/" + k).orElse("");
      }
      out.add(keys + " " + b.hint());
    }
    return out;
  }

  private static Optional<String> firstUsable(KeyBinding b, boolean typing) {
    return b.triggers().stream()
        .filter(k -> !(typing && k.type() == KeyType.Character))
        .map(Key::label)
        .findFirst();
  }

  /**
   * The main screen's hint bar entries: available bindings that carry a hint, in table order. When
   * the bar is too narrow for all, {@link #HINT_PRIORITY} says which stay.
   */
  public List<KeyBinding> hints() {
    return bindings.stream()
        .filter(b -> b.hint() != null && b.enabled() && b.group() != DIALOG)
        .toList();
  }

  /** The hints kept first when the bar is too narrow, in this order; the rest follow. */
  public static final List<Action> HINT_PRIORITY =
      List.of(
          Action.HELP,
          Action.DOWN,
          Action.NEXT_DRIFT,
          Action.APPLY_LEFT_TO_RIGHT,
          Action.APPLY_RIGHT_TO_LEFT);

  /**
   * This map with the apply keys set for a comparison: each reason {@code null} enables its key,
   * else disables it with that reason; {@code space} works when either direction does.
   */
  public KeyMap withRemediation(String leftToRight, String rightToLeft, String undo) {
    String mark = leftToRight == null || rightToLeft == null ? null : leftToRight;
    return map(
        b ->
            switch (b.action()) {
              case MARK -> reason(b, mark);
              case APPLY_LEFT_TO_RIGHT -> reason(b, leftToRight);
              case APPLY_RIGHT_TO_LEFT -> reason(b, rightToLeft);
              case UNDO -> reason(b, undo);
              default -> b;
            });
  }

  private static KeyBinding reason(KeyBinding b, String why) {
    return why == null ? b.enabledNow() : b.disabled(why);
  }

  /** This map with the apply group disabled for {@code --read-only}. */
  public KeyMap readOnly() {
    return map(b -> b.group() == APPLY ? b.disabled(READ_ONLY) : b);
  }

  /** This map with an action made available (used when remediation is wired). */
  public KeyMap enable(Action action) {
    return map(b -> b.action() == action ? b.enabledNow() : b);
  }

  private KeyMap map(UnaryOperator<KeyBinding> f) {
    return new KeyMap(bindings.stream().map(f).toList());
  }
}
