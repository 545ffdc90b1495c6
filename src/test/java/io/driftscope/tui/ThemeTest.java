package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.driftscope.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {

  @TempDir Path dir;

  @Test
  void everyShippedThemeLoadsAndDefinesEveryStyleByName() throws Exception {
    for (String name : Theme.SHIPPED) {
      Theme t = Theme.load(name);
      assertEquals(name, t.name());
      for (String style : Theme.STYLE_NAMES) {
        assertTrue(t.style(style) != null, name + " " + style);
      }
    }
  }

  @Test
  void unknownStyleNamesItsLine() throws Exception {
    Path f = dir.resolve("t.yaml");
    Files.writeString(f, "base: { fg: white }\n\ndrift.chnaged: { fg: yellow }\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Theme.load(f.toString()));
    assertTrue(e.getMessage().startsWith(f + ":3: unknown style 'drift.chnaged'"), e.getMessage());
  }

  @Test
  void badColourNamesItsLine() throws Exception {
    Path f = dir.resolve("t.yaml");
    Files.writeString(f, "base: {}\nheader:\n  fg: blurple\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Theme.load(f.toString()));
    assertTrue(
        e.getMessage().startsWith(f + ":3: bad colour 'blurple' in style 'header'"),
        e.getMessage());
    Files.writeString(f, "flash: { bg: \"#12345\" }\n");
    e = assertThrows(ConfigException.class, () -> Theme.load(f.toString()));
    assertTrue(e.getMessage().startsWith(f + ":1: bad colour '#12345'"), e.getMessage());
    Files.writeString(f, "flash: { bg: 300 }\n");
    assertThrows(ConfigException.class, () -> Theme.load(f.toString()));
    Files.writeString(f, "flash: { blink: maybe }\n");
    e = assertThrows(ConfigException.class, () -> Theme.load(f.toString()));
    assertTrue(e.getMessage().contains(":1:"), e.getMessage());
  }

  @Test
  void missingStylesFallBackToBaseAndColoursParse() throws Exception {
    Path f = dir.resolve("t.yaml");
    Files.writeString(
        f, "base: { fg: bright-white, bg: 17 }\nflash: { fg: \"#ff8000\", bold: true }\n");
    Theme t = Theme.load(f.toString());
    assertEquals(TextColor.ANSI.WHITE_BRIGHT, t.style("warning").foreground());
    assertEquals(new TextColor.Indexed(17), t.style("warning").background());
    assertEquals(new TextColor.RGB(255, 128, 0), t.style("flash").foreground());
    assertEquals(new TextColor.Indexed(17), t.style("flash").background(), "unset bg from base");
    assertTrue(t.style("flash").modifiers().contains(SGR.BOLD));
  }

  @Test
  void unknownThemeSaysWhatExists() {
    ConfigException e = assertThrows(ConfigException.class, () -> Theme.load("solarized"));
    assertTrue(
        e.getMessage().contains("dark, light, high-contrast, colorblind, mono"), e.getMessage());
  }

  @Test
  void noColorChoosesMonoWhichHasNoColours() throws Exception {
    Theme t = Theme.choose(null, Map.of("NO_COLOR", "1"));
    assertEquals("mono", t.name());
    assertFalse(t.usesColour());
    for (String style : Theme.STYLE_NAMES) {
      assertNull(t.style(style).foreground(), style);
      assertNull(t.style(style).background(), style);
    }
    assertEquals("dark", Theme.choose(null, Map.of()).name());
    assertEquals("light", Theme.choose("light", Map.of("NO_COLOR", "1")).name());
  }

  @Test
  void colorblindHasNoRedGreenPair() throws Exception {
    Theme t = Theme.load("colorblind");
    boolean red = false;
    boolean green = false;
    for (String style : Theme.STYLE_NAMES) {
      for (TextColor c :
          new TextColor[] {t.style(style).foreground(), t.style(style).background()}) {
        if (c == null) {
          continue;
        }
        red |= hue(c, "red");
        green |= hue(c, "green");
      }
    }
    assertFalse(red && green, "colorblind uses both red and green");
    assertFalse(green, "no green at all");
  }

  /** Whether a colour reads as that hue: ANSI by name, RGB by its dominant channel. */
  private static boolean hue(TextColor c, String which) {
    if (c instanceof TextColor.ANSI a) {
      return a.name().startsWith(which.toUpperCase());
    }
    int r = c.getRed();
    int g = c.getGreen();
    int b = c.getBlue();
    return which.equals("red") ? r > 150 && g < 100 && b < 100 : g > 150 && r < 100 && b < 120;
  }
}
