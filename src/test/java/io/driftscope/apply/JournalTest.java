package io.driftscope.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.source.Applied;
import io.driftscope.source.Applier;
import io.driftscope.source.ApplyException;
import io.driftscope.source.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir Path dir;

  @Test
  void theJournalHoldsThePriorStateBeforeTheFileIsTouched() throws Exception {
    try (Envs e =
        new Envs(
            dir,
            Map.of("api.yaml", ApplyFlowTest.STAGING_API),
            Map.of("api.yaml", ApplyFlowTest.PROD_API))) {
      Journal journal = new Journal(dir.resolve("j/journal.jsonl"), Clock.systemUTC());
      Applier files = e.rightSource.applier().orElseThrow();
      List<String> seenBeforeWrite = new ArrayList<>();
      // Wraps the real file applier to look at the journal at the moment of the write.
      Applier watching =
          new Applier() {
            @Override
            public Applied dryRun(Change change) throws ApplyException {
              return files.dryRun(change);
            }

            @Override
            public Applied apply(Change change, String runId) throws ApplyException {
              try {
                seenBeforeWrite.addAll(Files.readAllLines(journal.file()));
              } catch (java.io.IOException x) {
                throw new IllegalStateException(x);
              }
              return files.apply(change, runId);
            }
          };
      Executor ex = new Executor(Optional.of(watching), journal, "tester");
      Plan plan =
          new Planner()
              .plan(
                  e.comparison.view(),
                  Direction.LEFT_TO_RIGHT,
                  Selection.resource(ApplyFlowTest.API),
                  e.target(Direction.LEFT_TO_RIGHT));
      Outcome out = ex.execute(ex.prepare(plan), Confirmation.yes());
      assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
      assertEquals(1, seenBeforeWrite.size());
      assertTrue(seenBeforeWrite.get(0).contains("\"type\":\"begin\""));
      assertTrue(seenBeforeWrite.get(0).contains("\"replicas\":5"), "the prior state");
      Journal.Entry entry = journal.entry(out.journalId()).orElseThrow();
      assertTrue(entry.completed());
      assertEquals("tester", entry.user());
      assertEquals("staging", entry.from());
      assertEquals(2, entry.changes().get(0).after().document().at("/spec/replicas").asInt());
      assertEquals(5, entry.changes().get(0).prior().document().at("/spec/replicas").asInt());
      assertEquals(
          "rwx------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(journal.file().getParent())));
    }
  }

  @Test
  void theDefaultFileFollowsXdgStateHome() {
    assertEquals(
        Path.of("/s/driftscope/journal.jsonl"),
        Journal.defaultFile(Map.of("XDG_STATE_HOME", "/s", "HOME", "/h")));
    assertEquals(
        Path.of("/h/.local/state/driftscope/journal.jsonl"),
        Journal.defaultFile(Map.of("HOME", "/h")));
  }
}
