package io.driftscope.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one-line editor of the {@code :} command line and the {@code /} filter, with Tab completion
 * from a function of the text typed so far.
 */
final class LineEditor {

  /** What a keystroke did to the line. */
  enum Result {
    EDITED,
    ACCEPTED,
    CANCELLED,
    IGNORED
  }

  private final String prompt;
  private final Function<String, List<String>> completer;
  private final StringBuilder text = new StringBuilder();
  private List<String> lastChoices = List.of();

  LineEditor(String prompt, String initial, Function<String, List<String>> completer) {
    this.prompt = prompt;
    this.completer = completer;
    text.append(initial);
  }

  String prompt() {
    return prompt;
  }

  String text() {
    return text.toString();
  }

  /** The candidates the last Tab found when it could not decide (shown as a hint). */
  List<String> choices() {
    return lastChoices;
  }

  Result handle(KeyStroke k) {
    lastChoices = List.of();
    switch (k.getKeyType()) {
      case Enter:
        return Result.ACCEPTED;
      case Escape:
        return Result.CANCELLED;
      case Backspace:
        if (text.length() == 0) {
          return Result.CANCELLED;
        }
        text.setLength(text.length() - 1);
        return Result.EDITED;
      case Tab:
        complete();
        return Result.EDITED;
      case Character:
        if (k.isCtrlDown() && k.getCharacter() == 'u') {
          text.setLength(0);
          return Result.EDITED;
        }
        if (k.isCtrlDown() || k.isAltDown() || Character.isISOControl(k.getCharacter())) {
          return Result.IGNORED;
        }
        text.append(k.getCharacter());
        return Result.EDITED;
      default:
        return Result.IGNORED;
    }
  }

  /**
   * Completes the last word: to the only candidate (plus a space), or to the candidates' common
   * prefix, remembering the candidates to show.
   */
  private void complete() {
    String current = text.toString();
    int space = current.lastIndexOf(' ');
    String head = current.substring(0, space + 1);
    String word = current.substring(space + 1);
    List<String> matches = new ArrayList<>();
    for (String c : completer.apply(head)) {
      if (c.startsWith(word)) {
        matches.add(c);
      }
    }
    if (matches.isEmpty()) {
      return;
    }
    if (matches.size() == 1) {
      text.setLength(0);
      text.append(head).append(matches.get(0)).append(' ');
      return;
    }
    String prefix = matches.get(0);
    for (String m : matches) {
      int i = 0;
      while (i < prefix.length() && i < m.length() && prefix.charAt(i) == m.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    text.setLength(0);
    text.append(head).append(prefix);
    lastChoices = List.copyOf(matches);
  }
}
