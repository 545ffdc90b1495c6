package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Frames drawn through a {@link Frame} onto a {@link DeltaScreen} reach the terminal exactly as the
 * same drawing done directly on a Lanterna {@link TerminalScreen}: the same calls in the same order
 * (strings written one after the other count as one), double-width and combining characters
 * included.
 */
class DeltaScreenTest {

  private static final TerminalSize SIZE = new TerminalSize(30, 8);

  private static final List<Style> STYLES =
      List.of(
          Style.PLAIN,
          new Style(TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, Set.of()),
          new Style(new TextColor.RGB(200, 10, 10), null, Set.of(SGR.BOLD)),
          new Style(null, new TextColor.RGB(1, 2, 3), Set.of(SGR.REVERSE, SGR.UNDERLINE)));

  // Narrow, box drawing, wide (CJK, full-width), half-width, and a combining accent.
  private static final char[] CHARS = {
    'a', 'Z', ' ', '─', '▾', '…', '漢', '字', 'Ａ', 'ｶ', 'é', '\u0301'
  };

  /** One drawing operation, done either directly on a screen or through a frame. */
  private record Op(boolean fill, int x, int y, String text, int w, char ch, Style style) {
    void direct(TextGraphics g) {
      g.setForegroundColor(
          style.foreground() == null ? TextColor.ANSI.DEFAULT : style.foreground());
      g.setBackgroundColor(
          style.background() == null ? TextColor.ANSI.DEFAULT : style.background());
      g.clearModifiers();
      if (!style.modifiers().isEmpty()) {
        g.setModifiers(EnumSet.copyOf(style.modifiers()));
      }
      if (fill) {
        g.fillRectangle(new TerminalPosition(x, y), new TerminalSize(w, 1), ch);
      } else {
        g.putString(x, y, text);
      }
    }

    void framed(Frame f) {
      if (fill) {
        f.fill(x, y, w, ch, style);
      } else {
        f.put(x, y, text, style);
      }
    }
  }

  @Test
  void sameTerminalCallsAsLanternasRefresh() throws Exception {
    int complete = 0;
    for (long seed = 1; seed <= 20; seed++) {
      complete += compare(seed, 30);
    }
    // Frames that differ in most cells took Lanterna's complete refresh, on both screens.
    assertTrue(complete > 0);
  }

  @Test
  void aFrameThatChangesLittleWritesLittle() throws Exception {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(SIZE);
    List<String> calls = new ArrayList<>();
    DeltaScreen screen = new DeltaScreen(recording(vt, calls));
    screen.startScreen();
    Frame frame = new Frame(SIZE);
    frame.fill(0, 0, 30, ' ', STYLES.get(1));
    frame.put(0, 3, "hello", STYLES.get(2));
    assertEquals(30 * 8, frame.show(screen));
    screen.refresh();
    frame.put(0, 3, "help", STYLES.get(2));
    assertEquals(1, frame.show(screen));
    calls.clear();
    screen.refresh();
    assertEquals(1, calls.stream().filter(c -> c.startsWith("putString")).count(), calls::toString);
    assertEquals('p', vt.getCharacter(3, 3).getCharacter());
  }

  /**
   * Draws random frames, mostly small changes to the one before, on both screens; halfway the
   * terminals grow. Returns how many complete refreshes (a cleared screen) there were.
   */
  private static int compare(long seed, int frames) throws Exception {
    Random random = new Random(seed);
    DefaultVirtualTerminal plainTerminal = new DefaultVirtualTerminal(SIZE);
    DefaultVirtualTerminal deltaTerminal = new DefaultVirtualTerminal(SIZE);
    List<String> plainCalls = new ArrayList<>();
    List<String> deltaCalls = new ArrayList<>();
    TerminalScreen plain = new TerminalScreen(recording(plainTerminal, plainCalls));
    DeltaScreen delta = new DeltaScreen(recording(deltaTerminal, deltaCalls));
    plain.startScreen();
    delta.startScreen();
    int complete = -1; // the first frame is complete
    TerminalSize size = SIZE;
    Frame frame = new Frame(size);
    List<Op> previous = randomOps(random, size);
    for (int i = 0; i < frames; i++) {
      if (i == frames / 2) {
        size = new TerminalSize(SIZE.getColumns() + 3, SIZE.getRows() + 2);
        plainTerminal.setTerminalSize(size);
        deltaTerminal.setTerminalSize(size);
        assertEquals(size, plain.doResizeIfNecessary());
        assertEquals(size, delta.doResizeIfNecessary());
        frame = new Frame(size);
        previous = randomOps(random, size);
      }
      List<Op> ops =
          random.nextInt(4) == 0 ? randomOps(random, size) : mutate(random, previous, size);
      TextGraphics g = plain.newTextGraphics();
      ops.forEach(op -> op.direct(g));
      Frame f = frame;
      ops.forEach(op -> op.framed(f));
      frame.show(delta);
      String where = "seed " + seed + " frame " + i;
      for (int y = 0; y < size.getRows(); y++) {
        for (int x = 0; x < size.getColumns(); x++) {
          if (!plain.getBackCharacter(x, y).equals(delta.getBackCharacter(x, y))) {
            assertEquals(
                plain.getBackCharacter(x, y),
                delta.getBackCharacter(x, y),
                where + " " + x + "," + y);
          }
        }
      }
      TerminalPosition cursor = random.nextBoolean() ? null : new TerminalPosition(3, 2);
      plain.setCursorPosition(cursor);
      delta.setCursorPosition(cursor);
      plain.refresh();
      delta.refresh();
      assertEquals(plainCalls, deltaCalls, where);
      assertEquals(text(plainTerminal), text(deltaTerminal), where);
      if (i != frames / 2 && plainCalls.contains("clearScreen")) {
        complete++;
      }
      plainCalls.clear();
      deltaCalls.clear();
      previous = ops;
    }
    return complete;
  }

  /** A whole frame: every row filled in one style, then text and fills over it. */
  private static List<Op> randomOps(Random random, TerminalSize size) {
    Style background = STYLES.get(random.nextInt(STYLES.size()));
    List<Op> ops = new ArrayList<>();
    for (int y = 0; y < size.getRows(); y++) {
      ops.add(new Op(true, 0, y, "", size.getColumns(), ' ', background));
    }
    for (int i = 0; i < 12; i++) {
      ops.add(randomOp(random, size));
    }
    return ops;
  }

  /** The frame with a few of its texts and fills replaced (its rows' fills kept). */
  private static List<Op> mutate(Random random, List<Op> ops, TerminalSize size) {
    int rows = size.getRows();
    List<Op> out = new ArrayList<>(ops);
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      out.set(rows + random.nextInt(out.size() - rows), randomOp(random, size));
    }
    return out;
  }

  private static Op randomOp(Random random, TerminalSize size) {
    int x = random.nextInt(size.getColumns() + 4) - 2;
    int y = random.nextInt(size.getRows());
    Style style = STYLES.get(random.nextInt(STYLES.size()));
    if (random.nextInt(5) == 0) {
      char ch = random.nextBoolean() ? ' ' : CHARS[random.nextInt(CHARS.length)];
      return new Op(true, x, y, "", 1 + random.nextInt(10), ch, style);
    }
    char[] text = new char[1 + random.nextInt(12)];
    for (int i = 0; i < text.length; i++) {
      text[i] = CHARS[random.nextInt(CHARS.length)];
    }
    return new Op(false, x, y, new String(text), 0, ' ', style);
  }

  /** The terminal, with every call it receives written down. */
  private static Terminal recording(DefaultVirtualTerminal target, List<String> calls) {
    return (Terminal)
        Proxy.newProxyInstance(
            Terminal.class.getClassLoader(),
            new Class<?>[] {Terminal.class},
            (proxy, method, args) -> {
              StringBuilder call = new StringBuilder(method.getName());
              for (Object a : args == null ? new Object[0] : args) {
                // Listeners differ by identity only.
                boolean value = a == null || a instanceof CharSequence || a instanceof Number;
                value |= a instanceof Enum || a instanceof TextColor || a instanceof Boolean;
                call.append(' ').append(value ? a : a.getClass().getSimpleName());
              }
              int last = calls.size() - 1;
              if (method.getName().equals("putString")
                  && last >= 0
                  && calls.get(last).startsWith("putString ")) {
                // Strings written one after the other are one string to the terminal.
                calls.set(last, calls.get(last) + args[0]);
              } else {
                calls.add(call.toString());
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static String text(DefaultVirtualTerminal t) {
    StringBuilder sb = new StringBuilder();
    TerminalSize size = t.getTerminalSize();
    for (int y = 0; y < size.getRows(); y++) {
      for (int x = 0; x < size.getColumns(); x++) {
        sb.append(t.getCharacter(x, y)).append('|');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
