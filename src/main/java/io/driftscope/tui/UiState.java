package io.driftscope.tui;

import io.driftscope.compare.ComparisonView;
import io.driftscope.config.Config;
import java.time.ZoneId;

/** Everything the screen shows, as the screen thread holds it between frames. */
final class UiState {

  /** Which pane receives movement keys. */
  enum Focus {
    TREE,
    DETAIL
  }

  final TreeModel tree = new TreeModel();
  final TreeNavigator nav = new TreeNavigator(tree);
  final Values values;
  final Config config;
  final ZoneId zone;
  final boolean flashEnabled;

  Theme theme;
  KeyMap keys;

  /** The latest view applied, {@code null} before the first. */
  ComparisonView view;

  /** The environments as the user named them, shown until a view arrives. */
  String leftWord;

  String rightWord;

  /** Why opening failed, shown in the header when there is no view. */
  String openFailure;

  DetailPane detail;
  Node detailNode;
  Focus focus = Focus.TREE;
  boolean help;

  /** The nodes marked with {@code space} for the next apply. */
  final Marks marks = new Marks();

  /** The plan dialog, while open. */
  PlanDialog dialog;

  /** The line being edited after {@code :} or {@code /}, or {@code null}. */
  LineEditor input;

  String message;
  String messageStyle = "warning";
  long messageUntil;

  long now;

  UiState(Theme theme, KeyMap keys, Values values, Config config, ZoneId zone, boolean flash) {
    this.theme = theme;
    this.keys = keys;
    this.values = values;
    this.config = config;
    this.zone = zone;
    this.flashEnabled = flash;
  }

  /** Shows a one-line message for a few seconds in the given style. */
  void say(String text, String style) {
    say(text, style, 5_000);
  }

  /** Shows a one-line message for {@code millis} in the given style. */
  void say(String text, String style, long millis) {
    message = text;
    messageStyle = style;
    messageUntil = now + millis;
  }

  boolean protectedEnv(String label) {
    return config.environment(label).map(e -> e.isProtected()).orElse(false);
  }
}
