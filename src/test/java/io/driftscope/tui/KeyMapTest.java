package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMapTest {

  private final KeyMap map = KeyMap.standard(false);

  private Action action(KeyStroke k) {
    return map.lookup(k).map(KeyBinding::action).orElse(null);
  }

  private Action action(char c) {
    return action(new KeyStroke(c, false, false));
  }

  @Test
  void everyDesignKeyIsBound() {
    assertEquals(Action.DOWN, action('j'));
    assertEquals(Action.DOWN, action(new KeyStroke(KeyType.ArrowDown)));
    assertEquals(Action.UP, action('k'));
    assertEquals(Action.COLLAPSE, action('h'));
    assertEquals(Action.EXPAND, action(new KeyStroke(KeyType.ArrowRight)));
    assertEquals(Action.EXPAND_ALL, action('*'));
    assertEquals(Action.OPEN, action(new KeyStroke(KeyType.Enter)));
    assertEquals(Action.FOCUS, action(new KeyStroke(KeyType.Tab)));
    assertEquals(Action.TOP, action('g'));
    assertEquals(Action.BOTTOM, action('G'));
    assertEquals(Action.NEXT_DRIFT, action(']'));
    assertEquals(Action.PREVIOUS_DRIFT, action('['));
    assertEquals(Action.FILTER, action('/'));
    assertEquals(Action.NEXT_MATCH, action('n'));
    assertEquals(Action.PREVIOUS_MATCH, action('N'));
    assertEquals(Action.ESCAPE, action(new KeyStroke(KeyType.Escape)));
    assertEquals(Action.DRIFT_ONLY, action('d'));
    assertEquals(Action.FOLD, action('z'));
    assertEquals(Action.MARK, action(' '));
    assertEquals(Action.APPLY_LEFT_TO_RIGHT, action('>'));
    assertEquals(Action.APPLY_RIGHT_TO_LEFT, action('<'));
    assertEquals(Action.UNDO, action('u'));
    assertEquals(Action.RELOAD, action('r'));
    assertEquals(Action.MASK, action('m'));
    assertEquals(Action.SAVE, action('s'));
    assertEquals(Action.COMMAND, action(':'));
    assertEquals(Action.HELP, action('?'));
    assertEquals(Action.QUIT, action('q'));
    assertEquals(null, action(new KeyStroke('j', false, true)), "Alt+j is not j");
    for (Action a : Action.values()) {
      assertTrue(map.binding(a) != null, a.name());
    }
  }

  @Test
  void applyKeysAreDisabledUntilOpenWithTheReasonAndOutOfTheHintBar() {
    for (Action a :
        List.of(Action.MARK, Action.APPLY_LEFT_TO_RIGHT, Action.APPLY_RIGHT_TO_LEFT, Action.UNDO)) {
      assertFalse(map.binding(a).enabled());
      assertEquals(KeyMap.NOT_OPEN, map.binding(a).disabledReason());
    }
    assertTrue(map.hints().stream().noneMatch(b -> b.group() == KeyBinding.Group.APPLY));
    KeyMap wired = map.enable(Action.APPLY_LEFT_TO_RIGHT);
    assertTrue(wired.hints().stream().anyMatch(b -> b.action() == Action.APPLY_LEFT_TO_RIGHT));
    KeyMap both = map.withRemediation(null, "prod is read-only (driftscope.yaml)", null);
    assertTrue(both.binding(Action.MARK).enabled());
    assertTrue(both.binding(Action.UNDO).enabled());
    assertEquals(
        "prod is read-only (driftscope.yaml)",
        both.binding(Action.APPLY_RIGHT_TO_LEFT).disabledReason());
    assertEquals(
        List.of("y apply", "v exact change", "j/k scroll", "Esc cancel"), map.dialogHints(false));
    assertEquals(
        List.of("Enter apply", "Tab exact change", "↓/↑ scroll", "Esc cancel"),
        map.dialogHints(true));
    assertEquals(
        Action.PLAN_EXACT,
        map.lookupInDialog(new KeyStroke('v', false, false), false).get().action());
    assertTrue(map.lookupInDialog(new KeyStroke('v', false, false), true).isEmpty());
    assertEquals(Action.OPEN, action(new KeyStroke(KeyType.Enter)), "dialog keys stay apart");
    KeyMap readOnly = wired.readOnly();
    assertEquals(KeyMap.READ_ONLY, readOnly.binding(Action.APPLY_LEFT_TO_RIGHT).disabledReason());
    assertTrue(readOnly.hints().stream().noneMatch(b -> b.group() == KeyBinding.Group.APPLY));
  }
}
