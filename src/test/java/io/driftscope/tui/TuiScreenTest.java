package io.driftscope.tui;

import static io.driftscope.tui.ScreenHarness.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** Screen tests on a 120×40 virtual terminal: characters and styles after key sequences. */
class TuiScreenTest {

  private final Theme dark = load("dark");

  private static Theme load(String name) {
    try {
      return Theme.load(name);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertStyle(Style expected, TextCharacter c) {
    assertEquals(
        expected.foreground() == null ? TextColor.ANSI.DEFAULT : expected.foreground(),
        c.getForegroundColor(),
        "foreground of '" + c.getCharacterString() + "'");
    assertEquals(
        expected.background() == null ? TextColor.ANSI.DEFAULT : expected.background(),
        c.getBackgroundColor(),
        "background of '" + c.getCharacterString() + "'");
    assertEquals(expected.modifiers(), c.getModifiers(), "modifiers");
  }

  @Test
  void firstScreenShowsBothSidesTheTreeAndTheCounts() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      String header = h.line(0);
      assertTrue(header.contains("staging k8s://staging/shop ● live"), header);
      assertTrue(header.contains("prod k8s://prod/shop ● live  PROTECTED"), header);
      assertStyle(dark.style("env.protected"), h.charOf("PROTECTED"));
      assertStyle(dark.style("header"), h.charOf("staging k8s"));
      assertTrue(h.line(1).contains("mode symmetric · filter: — · drift only: off"), h.line(1));

      assertTrue(h.line(3).startsWith(" staging ⇄ prod"), h.line(3));
      assertTrue(h.line(3).contains("~2 +1 -1 =5 ·1"), h.line(3));
      int cm = h.rowOf("▾ ConfigMap (3)");
      assertTrue(h.line(cm).contains("+1 -1 =1"), h.line(cm));
      TextCharacter onlyLeft = h.charOf("+ only staging");
      assertStyle(dark.style("drift.onlyLeft"), onlyLeft);
      assertStyle(dark.style("drift.onlyRight"), h.charOf("- only prod"));
      assertTrue(h.line(h.rowOf("▸ api")).contains("~2 ·1"));
      assertTrue(h.line(h.rowOf("▸ Service (2)")).contains("=2"), "collapsed roll-up");

      String status = h.line(39);
      assertTrue(status.startsWith(" ~2 changed  +1 only left  -1 only right  5 same  ·1 ignored"));
      assertTrue(status.contains("j/k move"), status);
      assertTrue(status.stripTrailing().endsWith("? help"), status);
      assertFalse(status.contains("apply"), "apply keys need an apply session");
      assertEquals(3, h.cursorRow(dark), "the cursor starts on the root");
    }
  }

  @Test
  void movesExpandsAndCollapses() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      int api = h.rowOf("▸ api");
      h.type("jjjjjjj");
      assertEquals(api, h.cursorRow(dark));
      h.type("l");
      assertTrue(h.line(api).contains("▾ api"));
      assertTrue(h.line(api + 1).contains("apiVersion"), h.screenText());
      h.type("]");
      assertTrue(h.line(h.cursorRow(dark)).contains("▸ spec"), "] stops on a collapsed drift");
      h.type("l");
      int replicas = h.rowOf(" replicas ");
      assertTrue(h.line(replicas).contains("~"), h.line(replicas));
      assertTrue(h.line(replicas).matches(".*~\\s+2\\s+5\\s*"), h.line(replicas));
      assertStyle(dark.style("drift.changed"), h.charOf("replicas"));
      int chain = h.rowOf("template/spec/containers");
      assertTrue(chain > 0, "a single-child chain is one row joined by /\n" + h.screenText());
      h.type("hhh");
      assertTrue(h.line(api).contains("▸ api"), h.screenText());
      h.type("h");
      assertEquals(h.rowOf("Deployment (3)"), h.cursorRow(dark), "h on a collapsed node goes up");
      h.type("h");
      int dep = h.rowOf("▸ Deployment (3)");
      assertTrue(h.line(dep).contains("~1 =2 ·1"), "roll-up on a collapsed kind: " + h.line(dep));
      h.type("G");
      assertEquals(h.rowOf("▸ Service (2)"), h.cursorRow(dark));
      h.type("g");
      assertEquals(3, h.cursorRow(dark));
      h.press(key('*'));
      assertTrue(h.rowOf("data/checkout") > 0, "* expands everything\n" + h.screenText());
    }
  }

  @Test
  void filterKeepsMatchesWithTheirAncestors() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("/legacy");
      assertTrue(h.line(39).startsWith("/legacy"), h.line(39));
      h.press(key(KeyType.Enter));
      assertTrue(h.line(1).contains("filter: legacy"), h.line(1));
      assertTrue(h.rowOf("legacy-settings") > 0);
      assertEquals(-1, h.rowOf("feature-flags"), h.screenText());
      assertEquals(-1, h.rowOf("Deployment"), h.screenText());
      assertTrue(h.rowOf("▾ shop") > 0, "ancestors stay");
      assertEquals(h.rowOf("legacy-settings"), h.cursorRow(dark), "Enter goes to the match");
      h.press(key(KeyType.Escape));
      assertTrue(h.rowOf("feature-flags") > 0, "Esc clears the filter");
      assertTrue(h.line(1).contains("filter: —"));
      h.type("/image");
      h.press(key(KeyType.Enter));
      assertTrue(h.rowOf("image") > 0, "fields are searched too\n" + h.screenText());
      h.type("n");
      assertTrue(h.line(h.cursorRow(dark)).contains("image"), h.screenText());
    }
  }

  @Test
  void driftJumpsAndDriftOnly() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("]");
      assertTrue(h.line(h.cursorRow(dark)).contains("feature-flags"));
      h.type("]");
      assertTrue(h.line(h.cursorRow(dark)).contains("legacy-settings"));
      h.type("]");
      assertTrue(h.line(h.cursorRow(dark)).contains("api"));
      h.type("[");
      assertTrue(h.line(h.cursorRow(dark)).contains("legacy-settings"));
      h.type("d");
      assertTrue(h.line(1).contains("drift only: on"));
      assertEquals(-1, h.rowOf("▸ settings "), "same resources hidden\n" + h.screenText());
      assertEquals(-1, h.rowOf("Service"), h.screenText());
      assertEquals(-1, h.rowOf("worker"), h.screenText());
      assertTrue(h.rowOf("api") > 0);
      assertTrue(h.line(h.cursorRow(dark)).contains("legacy-settings"), "cursor stays");
      h.type("d");
      assertTrue(h.rowOf("worker") > 0);
    }
  }

  @Test
  void helpListsEveryGroupWithApplyKeysDimmedWithoutASession() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("?");
      String text = h.screenText();
      for (String group : new String[] {"Move", "Find", "Compare", "Apply", "View"}) {
        assertTrue(text.contains(group), group);
      }
      assertTrue(text.contains("space    mark/unmark for apply"), text);
      assertTrue(text.contains("(applying is not available"), "the reason, wrapped\n" + text);
      assertStyle(dark.style("disabled"), h.charOf("space    mark"));
      assertStyle(dark.style("disabled"), h.charOf("(applying is not available"));
      assertStyle(dark.style("help"), h.charOf("move down"));
      h.press(key(KeyType.Escape));
      assertTrue(h.rowOf("Deployment") > 0);
      h.type(">");
      assertTrue(h.line(38).contains(KeyMap.NO_SESSION), h.line(38));
      assertStyle(dark.style("warning"), h.charAt(1, 38));
    }
  }

  @Test
  void readOnlyDimsApplyKeysWithTheReason() throws Exception {
    try (ScreenHarness h =
        ScreenHarness.shop(Theme.load("dark"), ScreenHarness.options().withReadOnly(true))
            .loaded()) {
      h.type("?");
      assertTrue(h.screenText().contains("(disabled by --read-only)"), h.screenText());
    }
  }

  @Test
  void liveUpdateKeepsCursorAndExpansionAndFlashes() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("jjjjjjj");
      h.type("l");
      h.type("j");
      h.type("]l]"); // onto replicas, inside the expanded spec of api
      String cursorLine = h.line(h.cursorRow(dark));
      assertTrue(cursorLine.contains("replicas"), cursorLine);
      int rowBefore = h.cursorRow(dark);
      h.right.put(Shop.deployment("worker", 1, "shop/worker:1.0.1", "info"));
      // The flash starts with the frame that shows the drift and lasts a second: wait for both
      // together, so a slow machine cannot miss it between two checks.
      h.await(
          () ->
              h.line(h.rowOf("▸ worker")).contains("~1")
                  && dark.style("flash")
                      .background()
                      .equals(h.charAt(1, h.rowOf("▸ worker")).getBackgroundColor()),
          "worker to drift and flash");
      assertEquals(rowBefore, h.cursorRow(dark), "cursor row stays");
      assertTrue(h.line(h.cursorRow(dark)).contains("replicas"));
      assertTrue(h.rowOf("▾ api") > 0, "api stays expanded");
      // A new resource above the cursor: the cursor stays on its node.
      h.right.put(Shop.configMap("aaa-new", "k", "v"));
      h.await(() -> h.rowOf("aaa-new") > 0 && h.line(3).contains("-2"), "new resource and counts");
      assertTrue(h.line(h.cursorRow(dark)).contains("replicas"), h.screenText());
      assertTrue(h.line(3).contains("-2"), "root counts updated: " + h.line(3));
      h.await(
          () ->
              !dark.style("flash")
                  .background()
                  .equals(h.charAt(1, h.rowOf("▸ worker")).getBackgroundColor()),
          "the flash to end");
      // Deleting the resource under the cursor moves it to the nearest remaining node.
      h.left.delete(Shop.deployment("api", 1, "", "").key());
      h.right.delete(Shop.deployment("api", 1, "", "").key());
      h.await(() -> h.rowOf("▾ api") < 0, "api to go");
      assertTrue(h.cursorRow(dark) > 0);
    }
  }

  @Test
  void burstOfEventsDoesNotBlockInput() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      Thread storm =
          new Thread(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  h.right.put(Shop.deployment("worker", i, "shop/worker:1.0." + i, "info"));
                }
              });
      long framesBefore = h.frames();
      storm.start();
      long t0 = System.nanoTime();
      h.type("jjj");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      storm.join();
      h.await(() -> h.screenText().contains("worker"), "worker");
      assertTrue(ms < 2_000, "keys answered during the burst in " + ms + " ms");
      assertTrue(
          h.frames() - framesBefore < 400, "redraws coalesced: " + (h.frames() - framesBefore));
    }
  }

  @Test
  void detailPaneShowsBothDocumentsWithChangedWords() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("jjjjjjj");
      h.press(key(KeyType.Enter));
      String text = h.screenText();
      assertTrue(text.contains("Deployment/shop/api"), text);
      int row = h.rowOf("replicas: 2");
      assertTrue(row > 0, text);
      assertTrue(h.line(row).contains("replicas: 5"), h.line(row));
      assertTrue(h.line(row).startsWith("~"), h.line(row));
      int x = h.line(row).indexOf("replicas: 2") + "replicas: ".length();
      assertStyle(dark.style("diff.word"), h.charAt(x, row));
      int image = h.rowOf("image: shop/api:1.4.2");
      int hx = h.line(image).lastIndexOf("1.4.3-hotfix");
      assertStyle(dark.style("diff.word"), h.charAt(hx, image));
      assertTrue(
          text.contains("ignored /spec/template/spec/containers/name=api/env/name=LOG_LEVEL/value"),
          text);
      h.press(key(KeyType.Tab));
      h.press(key('z'));
      assertTrue(h.screenText().contains("metadata:"), "z unfolds");
      h.press(key(KeyType.Escape));
      assertEquals(-1, h.rowOf("replicas: 2"), "Esc closes the pane");
    }
  }

  @Test
  void secretsAreMaskedUntilRevealed() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("/password");
      h.press(key(KeyType.Enter));
      int row = h.rowOf(" password ", 3);
      String line = h.line(row);
      assertTrue(line.matches(".*sha256:[0-9a-f]{12}\\s+sha256:[0-9a-f]{12}.*"), line);
      assertFalse(line.contains("cGFzc3dvcmQx"));
      h.type("m");
      assertTrue(h.line(row).contains("cGFzc3dvcmQx"), h.screenText());
      assertTrue(h.line(1).contains("secrets REVEALED"));
      h.type("m");
      assertFalse(h.line(row).contains("cGFzc3dvcmQx"));
    }
  }

  @Test
  void commandLineCompletesAndSwitchesTheme() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type(":th");
      h.press(key(KeyType.Tab));
      assertTrue(h.line(39).startsWith(":theme "), h.line(39));
      h.type("l");
      h.press(key(KeyType.Tab));
      assertTrue(h.line(39).startsWith(":theme light "), h.line(39));
      h.press(key(KeyType.Enter));
      Theme light = Theme.load("light");
      assertStyle(light.style("header"), h.charOf("staging k8s"));
      h.type(":r");
      h.press(key(KeyType.Tab));
      h.type("p");
      h.press(key(KeyType.Tab));
      assertTrue(h.line(39).startsWith(":right pr"), h.line(39));
      assertTrue(h.line(38).contains("preview") && h.line(38).contains("prod"), h.line(38));
      h.press(key(KeyType.Escape));
      h.type(":undo 2");
      h.press(key(KeyType.Enter));
      assertTrue(h.line(38).contains(":undo: " + KeyMap.NO_SESSION), h.line(38));
      h.type(":nope");
      h.press(key(KeyType.Enter));
      assertTrue(h.line(38).contains("unknown command :nope"), h.line(38));
    }
  }

  @Test
  void saveWritesBothSidesThroughTheCallback() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.type("s");
      h.await(() -> h.saved.size() == 2, "both sides saved");
      assertEquals("driftscope-staging-20250301-120341.json:8", h.saved.get(0));
      assertEquals("driftscope-prod-20250301-120341.json:8", h.saved.get(1));
      h.await(() -> h.line(38).contains("saved"), "the message");
    }
  }

  @Test
  void resizeReflowsAndAsksForMoreRoomBelow80x24() throws Exception {
    try (ScreenHarness h = ScreenHarness.shop().loaded()) {
      h.terminal.setTerminalSize(new TerminalSize(79, 30));
      h.await(() -> h.screenText().contains("enlarge the window (now 79×30)"), "the message");
      assertEquals(-1, h.rowOf("Deployment"));
      h.terminal.setTerminalSize(new TerminalSize(80, 24));
      h.await(() -> h.rowOf("Deployment") > 0, "the tree at 80×24");
      assertTrue(h.line(23).stripTrailing().endsWith("? help"), h.line(23));
      h.terminal.setTerminalSize(new TerminalSize(200, 60));
      h.await(() -> h.line(59).contains("changed"), "status bar at 200×60");
      assertTrue(h.line(0).stripTrailing().endsWith("PROTECTED"), h.line(0));
    }
  }

  @Test
  void monoThemeUsesNoColour() throws Exception {
    try (ScreenHarness h =
        ScreenHarness.shop(Theme.load("mono"), ScreenHarness.options()).loaded()) {
      h.type("jjjjjjjl");
      h.press(key(KeyType.Enter));
      for (int y = 0; y < 40; y++) {
        for (int x = 0; x < 120; x++) {
          TextCharacter c = h.charAt(x, y);
          assertEquals(TextColor.ANSI.DEFAULT, c.getForegroundColor(), "fg at " + x + "," + y);
          assertEquals(TextColor.ANSI.DEFAULT, c.getBackgroundColor(), "bg at " + x + "," + y);
        }
      }
      assertTrue(h.charOf("PROTECTED").getModifiers().contains(SGR.BOLD));
      assertTrue(h.charAt(0, h.cursorRowMono()).getModifiers().contains(SGR.REVERSE));
    }
  }

  @Test
  void asciiFallbackDrawsWithoutLineCharacters() throws Exception {
    try (ScreenHarness h =
        ScreenHarness.shop(Theme.load("dark"), ScreenHarness.options().withGlyphs(Glyphs.ASCII))
            .loaded()) {
      String text = h.screenText();
      assertTrue(text.contains("v shop"), text);
      assertTrue(text.contains("---- staging ----"), text);
      assertTrue(text.chars().allMatch(c -> c < 0x7f), text);
      assertNotEquals(-1, h.rowOf(".1 ignored"));
    }
  }
}
