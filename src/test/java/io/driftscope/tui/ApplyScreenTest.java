package io.driftscope.tui;

import static io.driftscope.tui.ScreenHarness.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import io.driftscope.apply.ApplySession;
import io.driftscope.apply.Journal;
import io.driftscope.apply.Planner;
import io.driftscope.apply.Target;
import io.driftscope.config.Config;
import io.driftscope.config.Environment;
import io.driftscope.core.Side;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.StructuralDiffer;
import io.driftscope.normalize.IgnoreRules;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.file.FileSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation on a 120×40 virtual terminal over two real manifest folders: the file source on both
 * sides and its real applier on the target, so a confirmed plan edits the file and the file watcher
 * brings the change back into the tree.
 */
class ApplyScreenTest {

  static final String STAGING =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 2
        template:
          spec:
            containers:
              - name: api
                image: shop/api:1.4.2
      """;

  static final String PROD =
      """
      # prod: hotfix rolled out by hand
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 5
        template:
          spec:
            containers:
              - name: api
                image: shop/api:1.4.3-hotfix   # hotfix
      """;

  @TempDir Path dir;

  private final Theme dark = load();

  private static Theme load() {
    try {
      return Theme.load("dark");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The environments: whether prod is protected or read-only, and whether --read-only is on. */
  record Setup(boolean prodProtected, boolean prodReadOnly, boolean readOnlyFlag) {}

  private ScreenHarness open(Setup setup) throws Exception {
    Path staging = Files.createDirectories(dir.resolve("staging"));
    Path prod = Files.createDirectories(dir.resolve("prod"));
    Files.writeString(staging.resolve("api.yaml"), STAGING);
    Files.writeString(prod.resolve("api.yaml"), PROD);
    SourceContext ctx = new SourceContext("shop", dir, Clock.systemUTC(), Map.of());
    FileSourceFactory files = new FileSourceFactory();
    Source left = files.open(SourceSpec.parse("staging"), ctx);
    Source right = files.open(SourceSpec.parse("prod"), ctx);
    Map<String, Environment> envs = new LinkedHashMap<>();
    envs.put("staging", new Environment("staging", "staging", false, false));
    envs.put("prod", new Environment("prod", "prod", setup.prodProtected(), setup.prodReadOnly()));
    Config config =
        new Config(
            Optional.of(dir.resolve("driftscope.yaml")), envs, List.of(), Map.of(), Map.of());
    boolean ro = setup.readOnlyFlag();
    ApplySession session =
        new ApplySession(
            new Target(Side.LEFT, "staging", "staging", false, ro),
            left.applier(),
            new Target(
                Side.RIGHT, "prod", "prod", setup.prodProtected(), ro || setup.prodReadOnly()),
            right.applier(),
            new Journal(dir.resolve("state/journal.jsonl"), Clock.systemUTC()),
            "tester",
            new Planner());
    ScreenHarness h =
        new ScreenHarness(
            new TerminalSize(120, 40),
            dark,
            ScreenHarness.options().withReadOnly(ro),
            left,
            right,
            new StructuralDiffer(new DiffOptions(Mode.SYMMETRIC, IgnoreRules.NONE, true)),
            config,
            c -> Optional.of(session));
    return h.loaded();
  }

  private String prodFile() throws Exception {
    return Files.readString(dir.resolve("prod/api.yaml"));
  }

  /** Puts the cursor on the api container's image field. */
  private static void toImage(ScreenHarness h) {
    h.type("/image");
    h.press(key(KeyType.Enter));
    assertTrue(h.line(h.cursorRowOf()).contains("image"), h.screenText());
  }

  /** Waits until the screen shows every text (a frame may still be reaching the terminal). */
  private void awaitDialog(ScreenHarness h, String... texts) {
    h.await(
        () -> {
          String screen = h.screenText();
          return java.util.Arrays.stream(texts).allMatch(screen::contains);
        },
        "the screen to show " + String.join(" and ", texts),
        10_000);
  }

  private void awaitGone(ScreenHarness h, String text) {
    h.await(() -> !h.screenText().contains(text), text + " to go", 10_000);
  }

  @Test
  void applyFieldLeftToRightThenTheNodeTurnsSame() throws Exception {
    try (ScreenHarness h = open(new Setup(false, false, false))) {
      awaitDialog(h, "> apply →  < apply ←  ? help");
      toImage(h);
      int row = h.cursorRowOf();
      assertTrue(h.line(row).contains("~"), h.line(row));
      h.type(">");
      awaitDialog(
          h,
          "Dry run: accepted, no other field changes.",
          "y apply · v exact change · j/k scroll · Esc cancel");
      String screen = h.screenText();
      assertTrue(screen.contains("Apply staging → prod"), screen);
      assertFalse(screen.contains("PROTECTED"), screen);
      assertTrue(
          screen.contains(
              "replace /spec/template/spec/containers/name=api/image"
                  + " shop/api:1.4.3-hotfix → shop/api:1.4.2"),
          screen);
      assertTrue(screen.contains("y apply · v exact change · j/k scroll · Esc cancel"), screen);
      assertStyle(dark.style("dialog"), h.charOf("Apply staging"));

      h.type("v");
      awaitDialog(
          h,
          "+          image: shop/api:1.4.2   # hotfix",
          "-          image: shop/api:1.4.3-hotfix   # hotfix",
          "+++ prod/api.yaml");
      h.type("v");
      awaitGone(h, "+++ prod/api.yaml");

      h.type("y");
      h.await(() -> !h.screenText().contains("Apply staging → prod"), "the dialog to close");
      h.await(
          () ->
              h.line(h.rowOf(" image ", 3)).matches(".*=\\s+shop/api:1.4.2\\s+shop/api:1.4.2\\s*"),
          "the image to show in sync",
          10_000);
      assertTrue(prodFile().contains("image: shop/api:1.4.2   # hotfix"), prodFile());
      assertTrue(prodFile().startsWith("# prod: hotfix rolled out by hand"), "comments kept");
      assertTrue(prodFile().contains("replicas: 5"), "only the chosen field");
      h.await(() -> h.line(38).contains("in sync"), "the sync report", 15_000);
      assertTrue(h.line(38).contains("apply #1: prod shows the applied values"), h.line(38));
    }
  }

  @Test
  void protectedTargetNeedsItsNameThenUndoRestores() throws Exception {
    try (ScreenHarness h = open(new Setup(true, false, false))) {
      toImage(h);
      h.type(">");
      awaitDialog(h, "Type the environment's name to apply:", "Enter apply · Tab exact change");
      int title = h.rowOf("Apply staging → prod");
      assertTrue(h.line(title).contains("PROTECTED"), h.line(title));
      int x = h.line(title).indexOf("prod", h.line(title).indexOf("→"));
      assertStyle(dark.style("env.protected"), h.charAt(x, title));
      assertStyle(dark.style("env.protected"), h.charOf("PROTECTED "));
      assertTrue(h.screenText().contains("Enter apply · Tab exact change"), h.screenText());

      h.type("prd");
      h.press(key(KeyType.Enter));
      awaitDialog(h, "'prd' is not prod: type prod exactly, then Enter");
      assertTrue(prodFile().contains("1.4.3-hotfix"), "nothing applied on a wrong name");

      h.type("prod");
      awaitDialog(h, "to apply:  prod_");
      h.press(key(KeyType.Enter));
      h.await(
          () -> h.line(h.rowOf(" image ", 3)).contains("=  "), "the image to show in sync", 10_000);
      assertTrue(prodFile().contains("image: shop/api:1.4.2"), prodFile());

      h.type("u");
      awaitDialog(h, "Undo apply #1 on prod", "Type the environment's name");
      h.type("prod");
      h.press(key(KeyType.Enter));
      h.await(
          () -> h.line(h.rowOf(" image ", 3)).contains("~  "), "the image to drift again", 10_000);
      assertTrue(prodFile().contains("image: shop/api:1.4.3-hotfix   # hotfix"), prodFile());
      h.await(() -> h.line(38).contains("undo of apply #1"), "the undo report");
    }
  }

  @Test
  void undoRefusesAfterAnOutsideChange() throws Exception {
    try (ScreenHarness h = open(new Setup(false, false, false))) {
      toImage(h);
      h.type(">");
      awaitDialog(h, "Dry run: accepted");
      h.type("y");
      h.await(() -> h.line(h.rowOf(" image ", 3)).contains("=  "), "the image in sync", 10_000);
      Files.writeString(
          dir.resolve("prod/api.yaml"), prodFile().replace("replicas: 5", "replicas: 7"));
      h.await(() -> h.line(h.rowOf("▾ api")).contains("~1"), "the outside change to show", 10_000);
      h.type("u");
      awaitDialog(h, "changed since you looked", "Esc cancel");
      assertFalse(h.screenText().contains("y apply"), "no apply offered\n" + h.screenText());
      h.type("y");
      h.press(key(KeyType.Escape));
      assertTrue(prodFile().contains("image: shop/api:1.4.2"), "nothing undone: " + prodFile());
      assertTrue(prodFile().contains("replicas: 7"), prodFile());
    }
  }

  @Test
  void escapeCancelsWithNoChange() throws Exception {
    try (ScreenHarness h = open(new Setup(false, false, false))) {
      toImage(h);
      h.type(">");
      awaitDialog(h, "Dry run: accepted");
      h.press(key(KeyType.Escape));
      awaitGone(h, "Apply staging → prod");
      awaitDialog(h, "cancelled: nothing was applied");
      assertEquals(PROD, prodFile());
      h.type("u");
      awaitDialog(h, "cannot undo: nothing to undo");
      h.press(key(KeyType.Escape));
    }
  }

  @Test
  void marksPlanTogetherAndSurviveUpdates() throws Exception {
    try (ScreenHarness h = open(new Setup(false, false, false))) {
      toImage(h);
      h.press(key(' '));
      awaitDialog(h, "1 marked");
      h.press(key(KeyType.Escape)); // clears the filter
      int replicas = h.rowOf(" replicas ");
      while (h.cursorRowOf() != replicas) {
        h.type(h.cursorRowOf() < replicas ? "j" : "k");
      }
      h.press(key(' '));
      h.type("k");
      assertStyle(dark.style("tree.marked"), h.charOf("replicas"));
      h.type(">");
      awaitDialog(
          h,
          "Dry run: accepted",
          "replace /spec/replicas 5 → 2",
          "shop/api:1.4.3-hotfix → shop/api:1.4.2");
      String screen = h.screenText();
      assertTrue(screen.contains("⚠"), "replicas going down is a warning\n" + screen);
      assertStyle(dark.style("warning").onBackgroundOf(dark.style("dialog")), h.charOf("⚠"));
      h.press(key(KeyType.Escape));
    }
  }

  @Test
  void readOnlyFlagRefusesWithTheReason() throws Exception {
    try (ScreenHarness h = open(new Setup(false, false, true))) {
      assertFalse(h.line(39).contains("apply"), h.line(39));
      toImage(h);
      h.type(">");
      awaitDialog(h, "> (apply left → right): disabled by --read-only");
      assertFalse(h.screenText().contains("Apply staging"), h.screenText());
      h.type("?");
      awaitDialog(h, "(disabled by --read-only)");
      String help = h.screenText();
      assertTrue(help.contains("(disabled by --read-only)"), help);
      assertStyle(dark.style("disabled"), h.charOf("(disabled by --read-only)"));
      h.press(key(KeyType.Escape));
      assertEquals(PROD, prodFile());
    }
  }

  @Test
  void readOnlyEnvironmentRefusesThatDirectionOnly() throws Exception {
    try (ScreenHarness h = open(new Setup(false, true, false))) {
      awaitDialog(h, "< apply ←  ? help");
      assertFalse(h.line(39).contains("> apply →"), h.line(39));
      toImage(h);
      h.type(">");
      awaitDialog(h, "prod is read-only (driftscope.yaml)");
      h.type("?");
      awaitDialog(h, "(driftscope.yaml))");
      String help = h.screenText();
      assertTrue(help.contains("(prod is read-only"), help);
      assertTrue(help.contains("(driftscope.yaml))"), help);
      h.press(key(KeyType.Escape));
      assertEquals(PROD, prodFile());
    }
  }

  private static void assertStyle(Style expected, TextCharacter c) {
    assertEquals(
        expected.foreground() == null
            ? com.googlecode.lanterna.TextColor.ANSI.DEFAULT
            : expected.foreground(),
        c.getForegroundColor(),
        "foreground of '" + c.getCharacterString() + "'");
    assertEquals(
        expected.background() == null
            ? com.googlecode.lanterna.TextColor.ANSI.DEFAULT
            : expected.background(),
        c.getBackgroundColor(),
        "background of '" + c.getCharacterString() + "'");
  }
}
