package io.driftscope.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The cells of a frame. Each frame is drawn here in full, then {@link #show} hands the screen only
 * the cells that differ from the frame before: setting a cell of a Lanterna screen is costly (it
 * checks the width of the character and of its neighbour), and a key usually changes a few rows.
 *
 * <p>Cells follow the rules of Lanterna's screen buffer, so that what the screen ends up holding is
 * what drawing the same text on it directly gives: a double-width character takes its cell and a
 * padding cell after it, and writing over the padding blanks the character before.
 *
 * <p>Cell values are shared: one {@link TextCharacter} per character and style.
 */
final class Frame {

  private final int width;
  private final int height;
  private final TextCharacter[][] cells;

  /** What the screen was last given, by cell; {@code null} where it is not known. */
  private final TextCharacter[][] shown;

  /** Rows that may hold a double-width character (most hold none: no width checks there). */
  private final boolean[] wideIn;

  private final Map<Style, Cells> styles = new HashMap<>();
  private Style lastStyle;
  private Cells lastCells;

  Frame(TerminalSize size) {
    this.width = size.getColumns();
    this.height = size.getRows();
    this.cells = new TextCharacter[height][width];
    this.shown = new TextCharacter[height][width];
    this.wideIn = new boolean[height];
    Cells blank = cells(Style.PLAIN);
    for (TextCharacter[] row : cells) {
      Arrays.fill(row, blank.of(' '));
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Whether this frame has the size of {@code size}. */
  boolean fits(TerminalSize size) {
    return size.getColumns() == width && size.getRows() == height;
  }

  /**
   * Writes {@code text} from {@code x,y}, one cell per character and two per double-width
   * character, as Lanterna's {@code TextGraphics.putString} does; what falls off the frame is lost.
   */
  void put(int x, int y, String text, Style style) {
    if (y < 0 || y >= height) {
      return;
    }
    Cells c = cells(style);
    int column = x;
    for (int i = 0; i < text.length() && column < width; i++) {
      char ch = text.charAt(i);
      boolean wide = wide(ch);
      set(y, column, c.of(ch), wide);
      column += wide ? 2 : 1;
    }
  }

  /**
   * Fills {@code w} cells of row {@code y} from {@code x} with {@code ch}, as Lanterna's {@code
   * fillRectangle} does (a double-width character every other cell, a blank at the right edge).
   */
  void fill(int x, int y, int w, char ch, Style style) {
    if (y < 0 || y >= height) {
      return;
    }
    TextCharacter value = cells(style).of(ch);
    if (wide(ch)) {
      TextCharacter blank = cells(style).of(' ');
      for (int i = 0; i < w; i += 2) {
        boolean edge = i + 1 == w;
        set(y, x + i, edge ? blank : value, !edge);
      }
      return;
    }
    int from = Math.max(0, x);
    int to = Math.min(width, x + w);
    if (from < to) {
      set(y, from, value, false);
      Arrays.fill(cells[y], from + 1, to, value);
      if (from == 0 && to == width) {
        wideIn[y] = false;
      }
    }
  }

  /** Lanterna's rules for one cell: see {@code BasicTextImage.setCharacterAt}. */
  private void set(int y, int x, TextCharacter value, boolean wide) {
    if (x < 0 || x >= width) {
      return;
    }
    TextCharacter[] row = cells[y];
    if (wideIn[y] && x > 0 && wide(row[x - 1])) {
      row[x - 1] = row[x - 1].withCharacter(' ');
    }
    row[x] = value;
    if (wide) {
      wideIn[y] = true;
      if (x + 1 < width) {
        row[x + 1] = value.withCharacter(' ');
      }
    }
  }

  /**
   * Gives {@code screen} the cells that changed since the last call (all of them the first time);
   * returns how many. The screen must hold what this frame gave it before (a resized screen needs a
   * new frame).
   */
  int show(Screen screen) {
    int written = 0;
    for (int y = 0; y < height; y++) {
      TextCharacter[] row = cells[y];
      TextCharacter[] was = shown[y];
      boolean mayBeWide = wideIn[y];
      for (int x = 0; x < width; x++) {
        TextCharacter c = row[x];
        if (c != was[x] && (was[x] == null || !c.equals(was[x]))) {
          screen.setCharacter(x, y, c);
          written++;
        }
        was[x] = c;
        if (mayBeWide && wide(c) && x + 1 < width) {
          // The screen wrote the padding cell itself, as this frame did.
          x++;
          was[x] = row[x];
        }
      }
    }
    return written;
  }

  /**
   * Whether Lanterna gives {@code c} two columns ({@code TextCharacter.isDoubleWidth}), without its
   * cost for the characters that are never double width.
   */
  static boolean wide(TextCharacter c) {
    String s = c.getCharacterString();
    return (s.length() > 1 || !narrow(s.charAt(0))) && c.isDoubleWidth();
  }

  private static boolean wide(char c) {
    return !narrow(c) && TerminalTextUtils.isCharDoubleWidth(c);
  }

  /**
   * Characters below the first block Lanterna counts as double width (Hangul Jamo, U+1100), and
   * those between it and the CJK radicals (U+2E80), which include the box drawing and arrows.
   */
  private static boolean narrow(char c) {
    return c < 0x1100 || (c >= 0x1200 && c < 0x2e80);
  }

  private Cells cells(Style style) {
    if (style != lastStyle) {
      lastCells = styles.computeIfAbsent(style, Cells::new);
      lastStyle = style;
    }
    return lastCells;
  }

  /** The cell values of one style, made on first use. */
  private static final class Cells {
    private final TextColor foreground;
    private final TextColor background;
    private final SGR[] modifiers;
    private final TextCharacter[] latin = new TextCharacter[256];
    private final Map<Character, TextCharacter> other = new HashMap<>();

    Cells(Style style) {
      this.foreground = style.foreground() == null ? TextColor.ANSI.DEFAULT : style.foreground();
      this.background = style.background() == null ? TextColor.ANSI.DEFAULT : style.background();
      this.modifiers = style.modifiers().toArray(new SGR[0]);
    }

    TextCharacter of(char c) {
      if (c < latin.length) {
        TextCharacter t = latin[c];
        if (t == null) {
          t = make(c);
          latin[c] = t;
        }
        return t;
      }
      return other.computeIfAbsent(c, this::make);
    }

    private TextCharacter make(char c) {
      return TextCharacter.fromCharacter(c, foreground, background, modifiers)[0];
    }
  }
}
