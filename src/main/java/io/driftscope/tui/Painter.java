package io.driftscope.tui;

/**
 * Draws text on a {@link Frame} in named styles: sanitizes every string, swaps characters the glyph
 * set cannot show, and clips to the frame.
 */
final class Painter {

  private final Frame frame;
  private final Theme theme;
  private final Glyphs glyphs;
  private final int width;
  private final int height;

  Painter(Frame frame, Theme theme, Glyphs glyphs) {
    this.frame = frame;
    this.theme = theme;
    this.glyphs = glyphs;
    this.width = frame.width();
    this.height = frame.height();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Glyphs glyphs() {
    return glyphs;
  }

  Theme theme() {
    return theme;
  }

  Style style(String name) {
    return theme.style(name);
  }

  /**
   * Writes {@code text} at {@code x,y} in {@code style}, at most {@code max} columns; returns x
   * after it.
   */
  int put(int x, int y, String text, Style style, int max) {
    if (y < 0 || y >= height || x >= width || max <= 0) {
      return x;
    }
    String s = glyphs.fit(Text.sanitize(text));
    int room = Math.min(max, width - x);
    if (s.length() > room) {
      s = s.substring(0, room);
    }
    if (s.isEmpty()) {
      return x;
    }
    frame.put(x, y, s, style);
    return x + s.length();
  }

  int put(int x, int y, String text, Style style) {
    return put(x, y, text, style, width - x);
  }

  /** Fills {@code w} columns of row {@code y} from {@code x} with spaces in {@code style}. */
  void fill(int x, int y, int w, Style style) {
    if (y < 0 || y >= height || w <= 0) {
      return;
    }
    int room = Math.min(w, width - x);
    if (room <= 0) {
      return;
    }
    frame.fill(x, y, room, ' ', style);
  }

  /** Fills the whole screen in {@code style}. */
  void fillAll(Style style) {
    for (int y = 0; y < height; y++) {
      frame.fill(0, y, width, ' ', style);
    }
  }

  /** Fills the whole row. */
  void fillRow(int y, Style style) {
    fill(0, y, width, style);
  }

  /** Draws a horizontal rule across row {@code y}. */
  void rule(int y, Style style) {
    if (y < 0 || y >= height) {
      return;
    }
    frame.fill(0, y, width, glyphs.horizontal(), style);
  }

  /** {@code text} cut to {@code w} columns with the glyph set's ellipsis. */
  String cut(String text, int w) {
    return Text.cut(glyphs.fit(Text.sanitize(text)), w, glyphs.ellipsis());
  }

  /** Two values cut to {@code w} each, keeping their first difference visible. */
  String[] cutPair(String left, String right, int w) {
    return Text.cutPair(
        glyphs.fit(Text.sanitize(left)), glyphs.fit(Text.sanitize(right)), w, glyphs.ellipsis());
  }
}
