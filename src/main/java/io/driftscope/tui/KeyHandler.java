package io.driftscope.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.driftscope.apply.Direction;
import io.driftscope.config.Config;
import io.driftscope.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Turns keystrokes into actions through the {@link KeyMap}: movement in the tree or the detail
 * pane, filter and command line editing, and the commands of the {@code :} line.
 */
final class KeyHandler {

  static final List<String> COMMANDS = List.of("left", "right", "env", "theme", "undo", "q");

  private final UiState s;
  private final TuiApp.Commands commands;
  private final ApplyFlow apply;
  private final Config config;
  private final IntSupplier pageRows;
  private String filterBefore = "";

  KeyHandler(
      UiState s, TuiApp.Commands commands, ApplyFlow apply, Config config, IntSupplier pageRows) {
    this.s = s;
    this.commands = commands;
    this.apply = apply;
    this.config = config;
    this.pageRows = pageRows;
  }

  /** Handles one key; returns false when the user quits. */
  boolean handle(KeyStroke k) {
    if (s.dialog != null) {
      dialogKey(k);
      return true;
    }
    if (s.input != null) {
      return editLine(k);
    }
    if (s.help) {
      Optional<KeyBinding> b = s.keys.lookup(k);
      Action a = b.map(KeyBinding::action).orElse(null);
      if (a == Action.HELP || a == Action.ESCAPE || a == Action.QUIT) {
        s.help = false;
      }
      return true;
    }
    Optional<KeyBinding> found = s.keys.lookup(k);
    if (found.isEmpty()) {
      return true;
    }
    KeyBinding b = found.get();
    if (!b.enabled()) {
      s.say(b.keys() + " (" + b.description() + "): " + b.disabledReason(), "warning");
      return true;
    }
    if (b.action() == Action.QUIT) {
      return false;
    }
    if (s.detail != null && s.focus == UiState.Focus.DETAIL && detailKey(b.action())) {
      return true;
    }
    treeKey(b.action());
    s.nav.repair();
    return true;
  }

  private boolean detailKey(Action a) {
    int page = Math.max(1, pageRows.getAsInt() / 2);
    switch (a) {
      case DOWN -> s.detail.scrollBy(1, page);
      case UP -> s.detail.scrollBy(-1, page);
      case PAGE_DOWN -> s.detail.scrollBy(page, page);
      case PAGE_UP -> s.detail.scrollBy(-page, page);
      case TOP -> s.detail.scrollTo(0);
      case BOTTOM -> s.detail.scrollBy(Integer.MAX_VALUE / 2, page);
      case FOCUS -> s.focus = UiState.Focus.TREE;
      case FOLD -> s.detail.toggleFold();
      case ESCAPE, OPEN -> closeDetail();
      default -> {
        return false;
      }
    }
    return true;
  }

  private void treeKey(Action a) {
    TreeNavigator nav = s.nav;
    switch (a) {
      case DOWN -> nav.down(1);
      case UP -> nav.up(1);
      case PAGE_DOWN -> nav.down(pageRows.getAsInt());
      case PAGE_UP -> nav.up(pageRows.getAsInt());
      case TOP -> nav.first();
      case BOTTOM -> nav.last();
      case COLLAPSE -> nav.collapse();
      case EXPAND -> nav.expand();
      case EXPAND_ALL -> nav.expandAll();
      case OPEN -> open();
      case FOCUS -> {
        if (s.detail != null) {
          s.focus = UiState.Focus.DETAIL;
        }
      }
      case FILTER -> {
        filterBefore = s.tree.filter();
        s.input = new LineEditor("/", s.tree.filter(), head -> List.of());
      }
      case NEXT_MATCH, PREVIOUS_MATCH -> {
        if (s.tree.filter().isEmpty()) {
          s.say("no filter: press / to filter first", "warning");
        } else if (!nav.match(a == Action.NEXT_MATCH)) {
          s.say("no other match for " + s.tree.filter(), "warning");
        }
      }
      case NEXT_DRIFT, PREVIOUS_DRIFT -> {
        if (!nav.drift(a == Action.NEXT_DRIFT)) {
          s.say("no drift in the tree as shown", "warning");
        }
      }
      case ESCAPE -> {
        if (!s.tree.filter().isEmpty()) {
          s.tree.setFilter("");
        } else if (s.detail != null) {
          closeDetail();
        }
      }
      case DRIFT_ONLY -> s.tree.setDriftOnly(!s.tree.driftOnly());
      case FOLD -> {
        if (s.detail != null) {
          s.detail.toggleFold();
        } else {
          s.say(
              "z folds unchanged lines in the detail pane: Enter on a resource opens it",
              "warning");
        }
      }
      case RELOAD -> commands.reopen(commands.leftWord(), commands.rightWord());
      case MASK -> {
        s.values.setRevealed(!s.values.revealed());
        s.say(
            s.values.revealed()
                ? "secret values REVEALED for this session (m masks them again)"
                : "secret values masked",
            "warning");
        rebuildDetail();
      }
      case SAVE -> commands.save();
      case COMMAND -> s.input = new LineEditor(":", "", this::complete);
      case HELP -> s.help = true;
      case MARK -> {
        Node n = nav.cursor();
        boolean on = s.marks.toggle(n);
        s.say(
            (on ? "marked " : "unmarked ")
                + Marks.describe(n)
                + " · "
                + s.marks.size()
                + " marked"
                + (s.marks.isEmpty() ? "" : ": > or < plans them"),
            "warning");
      }
      case APPLY_LEFT_TO_RIGHT, APPLY_RIGHT_TO_LEFT ->
          apply.plan(
              a == Action.APPLY_LEFT_TO_RIGHT ? Direction.LEFT_TO_RIGHT : Direction.RIGHT_TO_LEFT,
              s.marks.isEmpty() ? Marks.selectionOf(nav.cursor()) : s.marks.selection());
      case UNDO -> apply.undo(0);
      default -> {}
    }
  }

  /** A key while the plan dialog is open: its own bindings, or text for a protected target. */
  private void dialogKey(KeyStroke k) {
    PlanDialog d = s.dialog;
    boolean typing = d.typing();
    Optional<KeyBinding> b = s.keys.lookupInDialog(k, typing);
    if (b.isEmpty()) {
      if (typing && k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
        d.typed.append(k.getCharacter());
        d.problem = null;
      } else if (typing && k.getKeyType() == KeyType.Backspace && d.typed.length() > 0) {
        d.typed.setLength(d.typed.length() - 1);
      }
      return;
    }
    switch (b.get().action()) {
      case PLAN_CANCEL -> apply.cancel();
      case PLAN_CONFIRM, PLAN_CONFIRM_TYPED -> {
        if (d.phase == PlanDialog.Phase.PLANNING) {
          d.problem = "wait for the dry run to finish";
        } else if (d.applicable()) {
          apply.confirm();
        }
      }
      case PLAN_EXACT -> d.exact = !d.exact;
      case PLAN_DOWN -> d.scroll++;
      case PLAN_UP -> d.scroll = Math.max(0, d.scroll - 1);
      case PLAN_PAGE_DOWN -> d.scroll += Math.max(1, d.page - 1);
      case PLAN_PAGE_UP -> d.scroll = Math.max(0, d.scroll - Math.max(1, d.page - 1));
      default -> {}
    }
  }

  private void open() {
    Node n = s.nav.cursor();
    if (n.type == Node.Type.RESOURCE) {
      if (s.detail != null && s.detailNode == n) {
        closeDetail();
      } else {
        s.detailNode = n;
        s.detail = new DetailPane(n.diff, s.values);
      }
    } else {
      s.nav.toggle();
    }
  }

  private void closeDetail() {
    s.detail = null;
    s.detailNode = null;
    s.focus = UiState.Focus.TREE;
  }

  private void rebuildDetail() {
    if (s.detail != null) {
      DetailPane old = s.detail;
      s.detail = new DetailPane(s.detailNode.diff, s.values);
      if (old.folding() != s.detail.folding()) {
        s.detail.toggleFold();
      }
      s.detail.scrollTo(old.scroll());
    }
  }

  /** After a new view: the detail pane follows its resource, or closes when it is gone. */
  void refreshDetail() {
    if (s.detail == null) {
      return;
    }
    Node n = s.detailNode;
    if (n.detached) {
      n = s.tree.resource(s.detail.diff().key());
      if (n == null) {
        s.say(s.detail.diff().key().shortName() + " is gone from both sides", "warning");
        closeDetail();
        return;
      }
      s.detailNode = n;
    }
    if (n.diff != s.detail.diff()) {
      rebuildDetail();
    }
  }

  // ------------------------------------------------------------------ line editing

  private boolean editLine(KeyStroke k) {
    LineEditor in = s.input;
    boolean filter = in.prompt().equals("/");
    switch (in.handle(k)) {
      case EDITED -> {
        if (filter) {
          s.tree.setFilter(in.text());
          s.nav.repair();
        }
      }
      case ACCEPTED -> {
        s.input = null;
        if (filter) {
          if (!s.tree.filter().isEmpty() && !s.tree.matchesLabel(s.nav.cursor())) {
            s.nav.match(true);
          }
        } else {
          return command(in.text().trim());
        }
      }
      case CANCELLED -> {
        s.input = null;
        if (filter) {
          s.tree.setFilter(filterBefore);
          s.nav.repair();
        }
      }
      case IGNORED -> {}
    }
    return true;
  }

  /** Completion candidates for the word after {@code head}. */
  List<String> complete(String head) {
    String[] words = head.trim().split("\\s+");
    if (head.isBlank()) {
      return COMMANDS;
    }
    if (words.length == 1) {
      switch (words[0]) {
        case "left", "right", "env" -> {
          return new ArrayList<>(config.environments().keySet());
        }
        case "theme" -> {
          return Theme.SHIPPED;
        }
        default -> {}
      }
    }
    return List.of();
  }

  /** Runs a {@code :} command; returns false for {@code :q}. */
  boolean command(String line) {
    if (line.isEmpty()) {
      return true;
    }
    String[] w = line.split("\\s+", 2);
    String arg = w.length > 1 ? w[1].trim() : "";
    switch (w[0]) {
      case "q", "quit", "q!" -> {
        return false;
      }
      case "left" ->
          needs(arg, ":left NAME|SPEC", () -> commands.reopen(arg, commands.rightWord()));
      case "right", "env" ->
          needs(arg, ":" + w[0] + " NAME|SPEC", () -> commands.reopen(commands.leftWord(), arg));
      case "theme" -> needs(arg, ":theme NAME|PATH", () -> theme(arg));
      case "undo" -> undoCommand(arg);
      default ->
          s.say(
              "unknown command :" + w[0] + " (known: " + String.join(", ", COMMANDS) + ")",
              "error");
    }
    return true;
  }

  private void undoCommand(String arg) {
    KeyBinding u = s.keys.binding(Action.UNDO);
    if (!u.enabled()) {
      s.say(":undo: " + u.disabledReason(), "warning");
      return;
    }
    if (arg.isEmpty()) {
      apply.undo(0);
      return;
    }
    try {
      int n = Integer.parseInt(arg);
      if (n < 1) {
        throw new NumberFormatException();
      }
      apply.undo(n);
    } catch (NumberFormatException e) {
      s.say("usage: :undo [N] (N: the apply's number in the journal)", "error");
    }
  }

  private void needs(String arg, String usage, Runnable r) {
    if (arg.isEmpty()) {
      s.say("usage: " + usage, "error");
    } else {
      r.run();
    }
  }

  private void theme(String name) {
    try {
      s.theme = Theme.load(name);
      s.say("theme " + name, "warning");
    } catch (ConfigException e) {
      s.say(e.getMessage(), "error");
    }
  }
}
