package io.driftscope.tui;

/**
 * Everything a key can do in the main screen; keys bind to these names through the {@link KeyMap}.
 */
public enum Action {
  DOWN,
  UP,
  COLLAPSE,
  EXPAND,
  EXPAND_ALL,
  TOP,
  BOTTOM,
  PAGE_DOWN,
  PAGE_UP,
  OPEN,
  FOCUS,
  FILTER,
  NEXT_MATCH,
  PREVIOUS_MATCH,
  NEXT_DRIFT,
  PREVIOUS_DRIFT,
  ESCAPE,
  DRIFT_ONLY,
  FOLD,
  RELOAD,
  MASK,
  SAVE,
  COMMAND,
  MARK,
  APPLY_LEFT_TO_RIGHT,
  APPLY_RIGHT_TO_LEFT,
  UNDO,
  HELP,
  QUIT,
  /** Plan dialog: apply (an unprotected target). */
  PLAN_CONFIRM,
  /** Plan dialog: apply with the typed name (a protected target). */
  PLAN_CONFIRM_TYPED,
  /** Plan dialog: show or hide the exact change. */
  PLAN_EXACT,
  PLAN_DOWN,
  PLAN_UP,
  PLAN_PAGE_DOWN,
  PLAN_PAGE_UP,
  /** Plan dialog: cancel. */
  PLAN_CANCEL
}
