package io.driftscope.source.file;

import static io.driftscope.source.file.FileSources.configMap;
import static io.driftscope.source.file.FileSources.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.Source;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceState;
import io.driftscope.source.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File sources report each changed document as a change to one resource. */
class ManifestWatchTest {

  /** How long an expected event may take; generous for a loaded CI machine. */
  private static final long WAIT_MS = 10_000;

  /** How long to listen for events that must not come (several debounce periods). */
  private static final long QUIET_MS = 300;

  @TempDir Path dir;

  private final Recorder events = new Recorder();
  private Source source;

  @AfterEach
  void closeSource() {
    if (source != null) {
      source.close();
    }
  }

  @Test
  void reportsOnlyTheDocumentThatChanged() throws Exception {
    write(dir.resolve("m/app.yaml"), configMap("a", "1") + "---\n" + configMap("b", "1"));
    watch("m");

    write(dir.resolve("m/app.yaml"), configMap("a", "2") + "---\n" + configMap("b", "1"));

    events.expect("set ConfigMap/default/a value=2 at m/app.yaml:1:1");
    events.expectQuiet();
  }

  @Test
  void reportsAddedAndDeletedFilesAndFolders() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    write(dir.resolve("m/b.yaml"), configMap("b", "1") + "---\n" + configMap("b2", "1"));
    watch("m");

    write(dir.resolve("m/c.yaml"), configMap("c", "1"));
    events.expect("set ConfigMap/default/c value=1 at m/c.yaml:1:1");

    Files.delete(dir.resolve("m/b.yaml"));
    events.expect("deleted ConfigMap/default/b", "deleted ConfigMap/default/b2");

    write(dir.resolve("m/new/deep/d.yaml"), configMap("d", "1"));
    events.expect("set ConfigMap/default/d value=1 at m/new/deep/d.yaml:1:1");

    write(dir.resolve("m/notes.txt"), "not a manifest");
    write(dir.resolve("m/.hidden/e.yaml"), configMap("e", "1"));
    write(dir.resolve("m/kustomization.yaml"), "resources: []\n");
    write(dir.resolve("m/a.yaml.driftscope-bak"), configMap("a", "backup"));
    events.expectQuiet();
  }

  @Test
  void seesAnEditorsAtomicReplace() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    watch("m");

    Path temp = write(dir.resolve("m/.a.yaml.swp"), "# header\n" + configMap("a", "2"));
    Files.move(
        temp,
        dir.resolve("m/a.yaml"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);

    events.expect("set ConfigMap/default/a value=2 at m/a.yaml:2:1");
    events.expectQuiet();
  }

  @Test
  void watchesASingleFileThroughItsFolder() throws Exception {
    write(dir.resolve("app.yaml"), configMap("a", "1"));
    write(dir.resolve("other.yaml"), configMap("other", "1"));
    watch("app.yaml");

    write(dir.resolve("other.yaml"), configMap("other", "2"));
    write(dir.resolve("sibling.yaml"), configMap("sibling", "1"));
    events.expectQuiet();

    Path temp = write(dir.resolve("app.yaml.tmp"), configMap("a", "2"));
    Files.move(
        temp,
        dir.resolve("app.yaml"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    events.expect("set ConfigMap/default/a value=2 at app.yaml:1:1");
    events.expectQuiet();
  }

  @Test
  void aMalformedFileFailsTheSourceUntilItParsesAgain() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    write(dir.resolve("m/b.yaml"), configMap("b", "1"));
    watch("m");

    write(dir.resolve("m/a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: name: a\n");
    events.expect(
        "state FAILED m/a.yaml:3:15: malformed YAML: mapping values are not allowed here");

    // Other files keep being reported while one is broken.
    write(dir.resolve("m/b.yaml"), configMap("b", "2"));
    events.expect("set ConfigMap/default/b value=2 at m/b.yaml:1:1");

    write(dir.resolve("m/a.yaml"), configMap("a", "3"));
    events.expect("set ConfigMap/default/a value=3 at m/a.yaml:1:1", "state LIVE ");
    events.expectQuiet();
  }

  @Test
  void aDeletedSingleFileFailsAndComesBack() throws Exception {
    write(dir.resolve("app.yaml"), configMap("a", "1"));
    watch("app.yaml");

    Files.delete(dir.resolve("app.yaml"));
    events.expect("state FAILED missing path: app.yaml (no such file or folder)");

    write(dir.resolve("app.yaml"), configMap("a", "1"));
    events.expect("state LIVE ");
    events.expectQuiet();
  }

  @Test
  void anEditThatDuplicatesAResourceIsRefusedUntilFixed() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    write(dir.resolve("m/b.yaml"), configMap("b", "1"));
    watch("m");

    write(dir.resolve("m/b.yaml"), configMap("b", "1") + "---\n" + configMap("a", "9"));
    events.expect("state FAILED m/a.yaml:1:1 and m/b.yaml:8:1 both define ConfigMap/default/a");

    write(dir.resolve("m/b.yaml"), configMap("b", "2"));
    events.expect("set ConfigMap/default/b value=2 at m/b.yaml:1:1", "state LIVE ");
    events.expectQuiet();
  }

  @Test
  void movingADocumentToAnotherFileChangesNothing() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1") + "---\n" + configMap("moved", "1"));
    write(dir.resolve("m/b.yaml"), configMap("b", "1"));
    watch("m");

    Path staged =
        write(dir.resolve("m/b.yaml.new"), configMap("b", "1") + "---\n" + configMap("moved", "1"));
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    Files.move(staged, dir.resolve("m/b.yaml"), StandardCopyOption.REPLACE_EXISTING);

    events.expectQuiet();
    assertEquals(
        "m/b.yaml",
        ((ManifestSource) source)
            .locate(new ResourceKey("", "ConfigMap", "default", "moved"))
            .orElseThrow()
            .display());
  }

  @Test
  void catchesChangesBetweenLoadAndWatch() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    source = FileSources.open(dir, "m");
    source.load();
    write(dir.resolve("m/a.yaml"), configMap("a", "two"));
    write(dir.resolve("m/b.yaml"), configMap("b", "1"));

    source.watch(events);

    events.expect(
        "state LIVE ",
        "set ConfigMap/default/a value=two at m/a.yaml:1:1",
        "set ConfigMap/default/b value=1 at m/b.yaml:1:1");
    events.expectQuiet();
  }

  @Test
  void closingStopsTheWatchThread() throws Exception {
    write(dir.resolve("m/a.yaml"), configMap("a", "1"));
    source = FileSources.open(dir, "m");
    source.load();
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Watch watch = source.watch(events);
    events.expect("state LIVE ");
    Thread thread = watchThread(before);
    assertNotNull(thread);
    assertEquals(true, thread.isDaemon());

    watch.close();
    thread.join(WAIT_MS);
    assertFalse(thread.isAlive());
    write(dir.resolve("m/a.yaml"), configMap("a", "2"));
    events.expectQuiet();
  }

  private void watch(String spec) throws Exception {
    source = FileSources.open(dir, spec);
    source.load();
    source.watch(events);
    events.expect("state LIVE ");
  }

  private static Thread watchThread(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("driftscope-watch"))
        .findFirst()
        .orElse(null);
  }

  /** Records what a source reports, one line per call. */
  private static final class Recorder implements SourceListener {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

    @Override
    public void onChange(ResourceKey key, Resource resource) {
      queue.add(
          resource == null
              ? "deleted " + key
              : "set "
                  + key
                  + " value="
                  + resource.document().at("/data/value").asText()
                  + " at "
                  + resource.origin());
    }

    @Override
    public void onReset(List<Resource> resources) {
      queue.add("reset " + resources.size());
    }

    @Override
    public void onState(SourceState state) {
      queue.add("state " + state.phase() + " " + state.reason());
    }

    /** The next events are exactly these, in any order. */
    void expect(String... expected) throws InterruptedException {
      List<String> got = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
      while (got.size() < expected.length) {
        String event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (event == null) {
          break;
        }
        got.add(event);
      }
      List<String> want = new ArrayList<>(Arrays.asList(expected));
      want.sort(null);
      got.sort(null);
      assertEquals(want, got);
    }

    /** Nothing more is reported for a while. */
    void expectQuiet() throws InterruptedException {
      String event = queue.poll(QUIET_MS, TimeUnit.MILLISECONDS);
      assertEquals(null, event, "no further event");
    }
  }
}
