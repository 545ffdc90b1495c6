package io.driftscope.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.EnumSet;

/**
 * A {@link TerminalScreen} whose ordinary refresh costs in proportion to the cells that changed.
 *
 * <p>Lanterna's delta refresh asks every cell of both buffers for its width, which looks the
 * character up among the Unicode blocks: on a 200×60 screen that is most of a frame's time, though
 * a key usually changes a few rows. This refresh finds the changed cells by reference first (cells
 * that were not drawn over are the same objects in both buffers), checks widths only where it must,
 * and writes the same characters, attributes and cursor moves to the terminal as Lanterna's.
 *
 * <p>Whatever it does not handle goes to Lanterna's refresh: the first frame, the frame after a
 * resize or a clear, a pending scroll, a requested complete refresh, and a frame that differs in
 * most cells (where Lanterna redraws the whole screen).
 */
public final class DeltaScreen extends TerminalScreen {

  private static final SGR[] ALL_SGR = SGR.values();

  private boolean started;

  /** The next refresh goes to Lanterna's, which knows what to do. */
  private boolean lanterna = true;

  // The changes of one refresh, in screen order: positions (row × columns + column) and cells.
  private int[] at = new int[0];
  private TextCharacter[] to = new TextCharacter[0];
  private int count;

  public DeltaScreen(Terminal terminal) throws IOException {
    super(terminal);
  }

  @Override
  public synchronized void startScreen() throws IOException {
    super.startScreen();
    started = true;
    lanterna = true;
  }

  @Override
  public synchronized void stopScreen(boolean flushInput) throws IOException {
    super.stopScreen(flushInput);
    started = false;
  }

  @Override
  public synchronized void clear() {
    super.clear();
    lanterna = true;
  }

  @Override
  public synchronized TerminalSize doResizeIfNecessary() {
    TerminalSize size = super.doResizeIfNecessary();
    if (size != null) {
      lanterna = true;
    }
    return size;
  }

  @Override
  public synchronized void scrollLines(int firstLine, int lastLine, int distance) {
    super.scrollLines(firstLine, lastLine, distance);
    lanterna = true;
  }

  @Override
  public synchronized void refresh(RefreshType type) throws IOException {
    if (!started) {
      return;
    }
    if (lanterna || type == RefreshType.COMPLETE) {
      super.refresh(type);
      // Lanterna's delta refresh keeps a full redraw it has pending for the next refresh.
      lanterna = lanterna && type == RefreshType.DELTA;
      return;
    }
    int changed = findChanges();
    TerminalSize size = getTerminalSize();
    if (type == RefreshType.AUTOMATIC
        && changed >= (int) (size.getRows() * size.getColumns() * 0.75)) {
      super.refresh(RefreshType.COMPLETE);
      return;
    }
    writeChanges(size.getColumns());
    getBackBuffer().copyTo(getFrontBuffer());
    Terminal t = getTerminal();
    TerminalPosition cursor = getCursorPosition();
    if (cursor != null) {
      t.setCursorVisible(true);
      // On the padding of a double-width character the cursor goes to the character itself.
      if (cursor.getColumn() > 0
          && Frame.wide(getFrontBuffer().getCharacterAt(cursor.withRelativeColumn(-1)))) {
        t.setCursorPosition(cursor.getColumn() - 1, cursor.getRow());
      } else {
        t.setCursorPosition(cursor.getColumn(), cursor.getRow());
      }
    } else {
      t.setCursorVisible(false);
    }
    t.flush();
  }

  /**
   * Collects the cells to write, as Lanterna's delta refresh does (a double-width character that
   * goes away leaves its padding cell to blank); returns how many cells differ.
   */
  private int findChanges() {
    ScreenBuffer back = getBackBuffer();
    ScreenBuffer front = getFrontBuffer();
    TerminalSize size = getTerminalSize();
    int rows = size.getRows();
    int columns = size.getColumns();
    count = 0;
    int changed = 0;
    // Runs of cells often share one value: its width is checked once.
    TextCharacter narrow = null;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        TextCharacter b = back.getCharacterAt(x, y);
        TextCharacter f = front.getCharacterAt(x, y);
        boolean wideBack = b != narrow && Frame.wide(b);
        if (!wideBack) {
          narrow = b;
        }
        if (b != f && !b.equals(f)) {
          add(y * columns + x, b);
          changed++;
        }
        if (wideBack) {
          x++;
        } else if (b != f && Frame.wide(f) && x + 1 < columns) {
          add(y * columns + x + 1, f.withCharacter(' '));
        }
      }
    }
    return changed;
  }

  private void add(int position, TextCharacter c) {
    if (count > 0 && at[count - 1] == position) {
      to[count - 1] = c;
      return;
    }
    if (count == at.length) {
      int grown = Math.max(64, count * 2);
      at = java.util.Arrays.copyOf(at, grown);
      to = java.util.Arrays.copyOf(to, grown);
    }
    at[count] = position;
    to[count] = c;
    count++;
  }

  /**
   * Writes the collected cells: moves, colours and attributes only where they change, as Lanterna's
   * delta refresh does; neighbouring cells that need nothing between them go out as one string.
   */
  private void writeChanges(int columns) throws IOException {
    if (count == 0) {
      return;
    }
    Terminal t = getTerminal();
    // Where the terminal's cursor is: after the last column it is not at the next row's start.
    int column = at[0] % columns;
    int row = at[0] / columns;
    t.setCursorPosition(column, row);
    TextCharacter first = to[0];
    EnumSet<SGR> sgr = first.getModifiers();
    t.resetColorAndSGR();
    for (SGR s : sgr) {
      t.enableSGR(s);
    }
    TextColor foreground = first.getForegroundColor();
    TextColor background = first.getBackgroundColor();
    t.setForegroundColor(foreground);
    t.setBackgroundColor(background);
    StringBuilder run = new StringBuilder(columns);
    for (int i = 0; i < count; i++) {
      TextCharacter c = to[i];
      int x = at[i] % columns;
      int y = at[i] / columns;
      EnumSet<SGR> wanted = c.getModifiers();
      boolean moves = x != column || y != row;
      boolean restyles =
          !foreground.equals(c.getForegroundColor())
              || !background.equals(c.getBackgroundColor())
              || !wanted.equals(sgr);
      String text = c.getCharacterString();
      if (run.length() > 0 && (moves || restyles || !standsAlone(text))) {
        t.putString(run.toString());
        run.setLength(0);
      }
      if (moves) {
        column = x;
        row = y;
        t.setCursorPosition(column, row);
      }
      if (restyles) {
        if (!foreground.equals(c.getForegroundColor())) {
          foreground = c.getForegroundColor();
          t.setForegroundColor(foreground);
        }
        if (!background.equals(c.getBackgroundColor())) {
          background = c.getBackgroundColor();
          t.setBackgroundColor(background);
        }
        for (SGR s : ALL_SGR) {
          if (sgr.contains(s) && !wanted.contains(s)) {
            t.disableSGR(s);
            sgr.remove(s);
          } else if (!sgr.contains(s) && wanted.contains(s)) {
            t.enableSGR(s);
            sgr.add(s);
          }
        }
      }
      if (standsAlone(text)) {
        run.append(text);
      } else {
        t.putString(text);
      }
      column += Frame.wide(c) ? 2 : 1;
    }
    if (run.length() > 0) {
      t.putString(run.toString());
    }
  }

  /**
   * Whether a cell's text is a single character that is a character of its own next to any other
   * such (no combining mark, joiner or double-width character): a run of them written as one string
   * fills one cell each, as written one by one.
   */
  private static boolean standsAlone(String text) {
    if (text.length() != 1) {
      return false;
    }
    char c = text.charAt(0);
    return (c >= 0x20 && c < 0x300) || (c >= 0x2010 && c < 0x2028) || (c >= 0x2190 && c < 0x2c00);
  }
}
