package io.driftscope.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a person meets it: the demo in a real 120×40 terminal, driven key
 * by key, read off the screen.
 */
class DemoInTerminalIT {

  private static final Duration LIVE = Duration.ofSeconds(60);

  @Test
  void demoOpensLiveAndAnswersKeys() throws Exception {
    String command =
        "cd '"
            + System.getProperty("java.io.tmpdir")
            + "' && TERM=xterm-256color LANG=C.UTF-8 timeout --foreground 300 java -jar '"
            + Tmux.jar()
            + "' --demo-actor off";
    try (Tmux t = Tmux.start("driftscope-demo", 120, 40, command)) {
      String screen =
          t.await(
              "both demo clusters live",
              s ->
                  s.contains("staging k8s://staging/shop ● live")
                      && s.contains("PROTECTED")
                      && s.contains("prod k8s://prod/shop ● live")
                      && s.contains("Deployment (3)"),
              LIVE);
      assertTrue(screen.contains("feature-flags"), screen);
      assertTrue(screen.contains("+ only staging"), screen);
      assertTrue(screen.contains("j/k move"), "key hints from the key map: " + screen);

      // Drift only: the unchanged Services disappear, the drifted Deployments stay.
      t.keys("d");
      screen = t.await("the drift-only view", s -> s.contains("drift only: on"), LIVE);
      assertFalse(screen.contains("ServiceAccount"), screen);
      assertTrue(screen.contains("Deployment"), screen);

      // Filter on a name: only matches and their ancestors stay.
      t.keys("d", "/", "w", "o", "r", "k", "e", "r", "Enter");
      screen = t.await("the filter", s -> s.contains("filter: worker"), LIVE);
      assertTrue(screen.contains("worker"), screen);
      assertFalse(screen.contains("feature-flags"), screen);

      // Help is drawn from the key map.
      t.keys("Escape");
      t.keys("?");
      screen = t.await("the help screen", s -> s.contains("next drift"), LIVE);

      t.keys("Escape");
      t.keys("q");
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (t.alive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(t.alive(), "q quits");
    }
  }
}
