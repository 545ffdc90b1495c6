package io.driftscope.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Remediation as a person does it in a real terminal: in the demo, fix prod's hotfix image on the
 * {@code api} Deployment with {@code >} (prod is protected: its name is typed), watch the node turn
 * in sync, then undo with {@code u} and watch it drift again.
 */
class DemoApplyInTerminalIT {

  private static final Duration LIVE = Duration.ofSeconds(60);

  /** The api container's image row: its state symbol. */
  private static final Pattern IMAGE = Pattern.compile("(?m)^\\s+image\\s+([=~])\\s");

  private static String imageState(String screen) {
    Matcher m = IMAGE.matcher(screen);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void fixTheDriftedImageWithApplyThenUndo() throws Exception {
    Path state = Files.createTempDirectory("driftscope-state");
    String command =
        "cd '"
            + System.getProperty("java.io.tmpdir")
            + "' && XDG_STATE_HOME='"
            + state
            + "' TERM=xterm-256color LANG=C.UTF-8 timeout --foreground 300 java -jar '"
            + Tmux.jar()
            + "' --demo-actor off";
    try (Tmux t = Tmux.start("driftscope-apply", 120, 40, command)) {
      t.await(
          "both demo clusters live",
          s ->
              s.contains("staging k8s://staging/shop ● live")
                  && s.contains("prod k8s://prod/shop ● live")
                  && s.contains("> apply →"),
          LIVE);

      // The api Deployment's image: the first field the filter finds.
      t.keys("/", "i", "m", "a", "g", "e", "Enter");
      String screen = t.await("the drifted image", s -> imageState(s).equals("~"), LIVE);
      assertTrue(screen.contains("containers/name=api"), screen);

      // staging → prod; prod is protected: the plan asks for its name.
      t.keys(">");
      screen =
          t.await(
              "the plan",
              s ->
                  s.contains("Apply staging → prod")
                      && s.contains("PROTECTED")
                      && s.contains("Dry run on the server: accepted")
                      && s.contains("Type the environment's name to apply:"),
              LIVE);
      assertTrue(screen.contains("replace /spec/template/spec/containers/name=api/image"), screen);
      t.keys("p", "r", "o", "d", "Enter");
      screen =
          t.await(
              "the image in sync",
              s -> !s.contains("Apply staging → prod") && imageState(s).equals("="),
              LIVE);
      t.await("the sync report", s -> s.contains("prod shows the applied values"), LIVE);

      // Undo: the same confirmation, and the drift is back.
      t.keys("u");
      t.await(
          "the undo plan",
          s -> s.contains("Undo apply #1 on prod") && s.contains("Type the environment's name"),
          LIVE);
      t.keys("p", "r", "o", "d", "Enter");
      screen =
          t.await(
              "the image drifting again",
              s -> !s.contains("Undo apply #1") && imageState(s).equals("~"),
              LIVE);
      assertTrue(screen.contains("undo of apply #1"), screen);
      t.keys("Escape", "q");
    }
  }
}
