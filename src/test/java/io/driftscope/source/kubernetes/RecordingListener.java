package io.driftscope.source.kubernetes;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceState;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A listener that queues what it is told, for bounded waits in tests. */
final class RecordingListener implements SourceListener {

  /** One call to the listener. */
  record Call(
      String what, ResourceKey key, Resource resource, List<Resource> reset, SourceState state) {}

  final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  @Override
  public void onChange(ResourceKey key, Resource resource) {
    calls.add(new Call("change", key, resource, null, null));
  }

  @Override
  public void onReset(List<Resource> resources) {
    calls.add(new Call("reset", null, null, resources, null));
  }

  @Override
  public void onState(SourceState state) {
    calls.add(new Call("state", null, null, null, state));
  }

  /** Waits up to {@code seconds} for a call matching {@code p}, dropping the ones before it. */
  Call await(Predicate<Call> p, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = end - System.nanoTime();
      Call c = left <= 0 ? null : calls.poll(left, TimeUnit.NANOSECONDS);
      if (c == null) {
        throw new AssertionError("no matching listener call within " + seconds + " s");
      }
      if (p.test(c)) {
        return c;
      }
    }
  }

  static Predicate<Call> change(String kind, String name) {
    return c ->
        c.what().equals("change") && c.key().kind().equals(kind) && c.key().name().equals(name);
  }

  static Predicate<Call> phase(SourceState.Phase phase) {
    return c -> c.what().equals("state") && c.state().phase() == phase;
  }
}
