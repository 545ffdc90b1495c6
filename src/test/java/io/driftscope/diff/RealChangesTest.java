package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.container;
import static io.driftscope.diff.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real change is found, at its exact path, with the right status. */
class RealChangesTest {

  private static final String NGINX = "/spec/template/spec/containers/name=nginx";
  private static final String GUESTBOOK = "/spec/template/spec/containers/name=guestbook-ui";
  private static final String ES = "/spec/template/spec/containers/name=elasticsearch";
  private static final Consumer<ObjectNode> NONE = d -> {};

  private static Arguments change(
      String name,
      Mode mode,
      String left,
      String right,
      Consumer<ObjectNode> onLeft,
      Consumer<ObjectNode> onRight,
      String... expected) {
    return Arguments.of(name, mode, left, right, onLeft, onRight, List.of(expected));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        change(
            "image (desired)",
            Mode.DESIRED,
            "smd-deploy-config.yaml",
            "smd-deploy-live.yaml",
            d -> container(d, "nginx").put("image", "nginx:1.25.0"),
            NONE,
            "CHANGED " + NGINX + "/image"),
        change(
            "image (symmetric)",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            NONE,
            d -> container(d, "nginx").put("image", "nginx:1.25.0"),
            "CHANGED " + NGINX + "/image"),
        change(
            "env value",
            Mode.DESIRED,
            "deployment-config.json",
            "deployment-live.json",
            d -> ((ObjectNode) container(d, "guestbook-ui").at("/env/0")).put("value", "other"),
            NONE,
            "CHANGED " + GUESTBOOK + "/env/name=VAR1/value"),
        change(
            "added env var",
            Mode.DESIRED,
            "deployment-config.json",
            "deployment-live.json",
            d ->
                ((ArrayNode) container(d, "guestbook-ui").get("env"))
                    .addObject()
                    .put("name", "MODE")
                    .put("value", "fast"),
            NONE,
            "ONLY_LEFT " + GUESTBOOK + "/env/name=MODE"),
        change(
            "removed env var, applied before (last-applied)",
            Mode.DESIRED,
            "deployment-config.json",
            "deployment-live.json",
            d -> ((ArrayNode) container(d, "guestbook-ui").get("env")).remove(0),
            NONE,
            "ONLY_RIGHT " + GUESTBOOK + "/env/name=VAR1"),
        change(
            "removed env var (symmetric)",
            Mode.SYMMETRIC,
            "deployment-live.json",
            "deployment-live.json",
            NONE,
            d -> ((ArrayNode) container(d, "guestbook-ui").get("env")).remove(0),
            "ONLY_LEFT " + GUESTBOOK + "/env/name=VAR2"),
        change(
            "port, applied before (Apply manager)",
            Mode.DESIRED,
            "smd-deploy-config.yaml",
            "smd-deploy-live.yaml",
            d -> ((ObjectNode) container(d, "nginx").at("/ports/0")).put("containerPort", 8080),
            NONE,
            "ONLY_LEFT " + NGINX + "/ports/containerPort=8080,protocol=TCP",
            "ONLY_RIGHT " + NGINX + "/ports/containerPort=80,protocol=TCP"),
        change(
            "service targetPort",
            Mode.SYMMETRIC,
            "smd-service-live.yaml",
            "smd-service-live.yaml",
            NONE,
            d -> ((ObjectNode) d.at("/spec/ports/2")).put("targetPort", 8443),
            "CHANGED /spec/ports/port=443,protocol=TCP/targetPort"),
        change(
            "targetPort \"80\" vs 80 is drift",
            Mode.SYMMETRIC,
            "smd-service-live.yaml",
            "smd-service-live.yaml",
            NONE,
            d -> ((ObjectNode) d.at("/spec/ports/2")).put("targetPort", "443"),
            "CHANGED /spec/ports/port=443,protocol=TCP/targetPort"),
        change(
            "replicas",
            Mode.DESIRED,
            "smd-deploy-config.yaml",
            "smd-deploy-live.yaml",
            d -> ((ObjectNode) d.get("spec")).put("replicas", 3),
            NONE,
            "CHANGED /spec/replicas"),
        change(
            "replicas back to the default is drift",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            d -> ((ObjectNode) d.get("spec")).remove("replicas"),
            NONE,
            "ONLY_RIGHT /spec/replicas"),
        change(
            "added label",
            Mode.DESIRED,
            "smd-deploy-config.yaml",
            "smd-deploy-live.yaml",
            d -> ((ObjectNode) d.at("/metadata/labels")).put("team", "web"),
            NONE,
            "ONLY_LEFT /metadata/labels/team"),
        change(
            "removed label owned by the Apply manager",
            Mode.DESIRED,
            "smd-deploy-config.yaml",
            "smd-deploy-live.yaml",
            d -> ((ObjectNode) d.at("/metadata/labels")).remove("something-else"),
            NONE,
            "ONLY_RIGHT /metadata/labels/something-else"),
        change(
            "labels map only on one side, entry by entry",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            d -> ((ObjectNode) d.get("metadata")).remove("labels"),
            NONE,
            "ONLY_RIGHT /metadata/labels/app",
            "ONLY_RIGHT /metadata/labels/applications.argoproj.io~1app-name",
            "ONLY_RIGHT /metadata/labels/something-else"),
        change(
            "limit",
            Mode.DESIRED,
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            d ->
                ((ObjectNode) container(d, "elasticsearch").at("/resources/limits"))
                    .put("cpu", "2"),
            NONE,
            "CHANGED " + ES + "/resources/limits/cpu"),
        change(
            "removed init container, applied before",
            Mode.DESIRED,
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            d -> ((ArrayNode) d.at("/spec/template/spec/initContainers")).remove(1),
            NONE,
            "ONLY_RIGHT /spec/template/spec/initContainers/name=chown"),
        change(
            "removed container (symmetric)",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            NONE,
            d -> ((ArrayNode) d.at("/spec/template/spec/containers")).remove(0),
            "ONLY_LEFT " + NGINX),
        change(
            "command changed compares as one value",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            NONE,
            d -> ((ArrayNode) container(d, "nginx").at("/livenessProbe/exec/command")).add("-v"),
            "CHANGED " + NGINX + "/livenessProbe/exec/command"),
        change(
            "probe default changed is drift",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            NONE,
            d -> ((ObjectNode) container(d, "nginx").get("livenessProbe")).put("timeoutSeconds", 5),
            "CHANGED " + NGINX + "/livenessProbe/timeoutSeconds"),
        change(
            "imagePullPolicy differs from the tag's default",
            Mode.SYMMETRIC,
            "smd-deploy-config.yaml",
            "smd-deploy-config.yaml",
            d -> container(d, "nginx").remove("imagePullPolicy"),
            NONE,
            "ONLY_RIGHT " + NGINX + "/imagePullPolicy"),
        change(
            "volumeMount readOnly, escaped key",
            Mode.SYMMETRIC,
            "elasticsearch-live.json",
            "elasticsearch-live.json",
            NONE,
            d ->
                ((ObjectNode) container(d, "elasticsearch").at("/volumeMounts/0"))
                    .put("readOnly", true),
            "ONLY_RIGHT "
                + ES
                + "/volumeMounts/mountPath=~1usr~1share~1elasticsearch~1data/readOnly"),
        change(
            "statefulset template label (Argo's WithDifference variant)",
            Mode.DESIRED,
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            d -> ((ObjectNode) d.at("/spec/template/metadata/labels")).put("app", "es"),
            NONE,
            "CHANGED /spec/template/metadata/labels/app"),
        change(
            "webhook caBundle differs between environments",
            Mode.SYMMETRIC,
            "mutatingwebhookconfig-live.json",
            "mutatingwebhookconfig-live.json",
            NONE,
            d -> ((ObjectNode) d.at("/webhooks/0/clientConfig")).put("caBundle", "b3RoZXI="),
            "CHANGED /webhooks/name=webhook.cert-manager.io/clientConfig/caBundle"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void isFoundAtItsPath(
      String name,
      Mode mode,
      String left,
      String right,
      Consumer<ObjectNode> onLeft,
      Consumer<ObjectNode> onRight,
      List<String> expected) {
    ObjectNode l = load(left);
    ObjectNode r = load(right);
    onLeft.accept(l);
    onRight.accept(r);
    ResourceDiff d = Fixtures.diff(mode, l, r);
    List<String> found =
        d.drifted().stream().map(x -> x.status() + " " + x.path()).sorted().toList();
    assertEquals(expected.stream().sorted().toList(), found);
    assertEquals(DriftStatus.CHANGED, d.status());
    assertTrue(d.isDrift());
  }
}
