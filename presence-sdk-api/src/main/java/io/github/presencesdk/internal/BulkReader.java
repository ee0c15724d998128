package io.github.presencesdk.internal;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.ResponseMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads many ids in chunks of a vendor's maximum, running at most the client's {@code
 * maxConcurrency} chunks at once, and assembles one {@link PresenceBatch} in request order.
 *
 * <p>A chunk either answers (ids missing from its answer are unknown) or fails as a whole (each of
 * its ids fails with that cause). When every chunk fails, the first failure is thrown; when some
 * fail, a {@link PartialFailureException} carries what succeeded and what failed. No id is lost or
 * reported twice.
 *
 * <p>The whole read has one budget, the client's {@code totalTimeout} from the moment it starts:
 * every request a chunk reader makes through {@link HttpCore#execute} on the reading thread gets
 * what is left of it (rather than a budget of its own), and a chunk whose turn comes after the
 * budget is used up fails with the {@link io.github.presencesdk.PresenceIoException} of a request
 * that ran out of it, without being sent.
 */
public final class BulkReader {
  private BulkReader() {}

  /** Reads one chunk of distinct ids. */
  @FunctionalInterface
  public interface ChunkReader<D extends PresenceDetail> {
    /**
     * Returns the presences of the ids the vendor knows, keyed by requested id. Ids absent from the
     * map are reported as unknown; keys that were not requested are ignored.
     */
    Map<String, Presence<D>> read(List<String> chunk);
  }

  /** Reads {@code ids} (already checked and distinct) in chunks of {@code chunkSize}. */
  public static <D extends PresenceDetail> PresenceBatch<D> read(
      HttpCore core, List<String> ids, int chunkSize, ChunkReader<D> reader) {
    core.checkOpen();
    if (ids.isEmpty()) {
      return PresenceBatch.empty();
    }
    Instant deadline = core.newDeadline();
    List<List<String>> chunks = partition(ids, chunkSize);
    Object[] outcomes = new Object[chunks.size()];
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(core.maxConcurrency(), chunks.size());
    // The caller would only wait, so it drains chunks itself as one of the workers: a read of one
    // chunk then runs on the caller's thread without a hand-off (a measured 45 µs per call).
    CompletableFuture<?>[] others = new CompletableFuture<?>[workers - 1];
    for (int w = 0; w < others.length; w++) {
      others[w] = core.runAsync(() -> drain(core, reader, chunks, outcomes, next, deadline));
    }
    try {
      drain(core, reader, chunks, outcomes, next, deadline);
    } finally {
      // Even when the caller's share ends in an unexpected exception, the read returns only after
      // the workers have stopped, so no request of this call outlives it.
      HttpCore.join(CompletableFuture.allOf(others));
    }
    return assemble(ids, chunks, outcomes);
  }

  /** Like {@link #read} without blocking the caller. */
  public static <D extends PresenceDetail> CompletableFuture<PresenceBatch<D>> readAsync(
      HttpCore core, List<String> ids, int chunkSize, ChunkReader<D> reader) {
    core.checkOpen();
    if (ids.isEmpty()) {
      return CompletableFuture.completedFuture(PresenceBatch.empty());
    }
    Instant deadline = core.newDeadline();
    List<List<String>> chunks = partition(ids, chunkSize);
    Object[] outcomes = new Object[chunks.size()];
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(core.maxConcurrency(), chunks.size());
    CompletableFuture<?>[] running = new CompletableFuture<?>[workers];
    for (int w = 0; w < workers; w++) {
      running[w] = core.runAsync(() -> drain(core, reader, chunks, outcomes, next, deadline));
    }
    return CompletableFuture.allOf(running).thenApply(ignored -> assemble(ids, chunks, outcomes));
  }

  /**
   * One worker: takes the next chunk until none is left, so that exactly min(maxConcurrency,
   * chunks) requests are in flight at any time.
   */
  private static <D extends PresenceDetail> void drain(
      HttpCore core,
      ChunkReader<D> reader,
      List<List<String>> chunks,
      Object[] outcomes,
      AtomicInteger next,
      Instant deadline) {
    for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
      outcomes[i] = readChunk(core, reader, chunks.get(i), deadline);
    }
  }

  /**
   * Reads one chunk and returns its presences or the exception that failed it. Once the client is
   * closed, chunks not yet read fail with the same {@link
   * io.github.presencesdk.PresenceIoException} as those that were cancelled in flight, rather than
   * with the {@link IllegalStateException} a new call on a closed client gets: the bulk read was in
   * flight. A chunk whose turn comes after the read's budget is used up fails as a request that ran
   * out of it does.
   */
  private static <D extends PresenceDetail> Object readChunk(
      HttpCore core, ChunkReader<D> reader, List<String> chunk, Instant deadline) {
    if (core.isClosed()) {
      return core.closedFailure("bulk read", null);
    }
    if (core.isPast(deadline)) {
      return core.outOfBudget(
          "bulk read", "before the request for " + chunk.size() + " of its ids could be sent");
    }
    try {
      List<ResponseMetadata> responses = new ArrayList<>();
      Map<String, Presence<D>> found =
          core.withinDeadline(
              deadline, () -> HttpCore.recordingResponses(responses, () -> reader.read(chunk)));
      return new ChunkOutcome<>(found, List.copyOf(responses));
    } catch (PresenceException e) {
      return e;
    } catch (IllegalStateException e) {
      if (core.isClosed()) {
        return core.closedFailure("bulk read", e);
      }
      throw e;
    }
  }

  /** What a chunk that was read returned, and the metadata of the responses it came from. */
  private record ChunkOutcome<D extends PresenceDetail>(
      Map<String, Presence<D>> found, List<ResponseMetadata> responses) {}

  @SuppressWarnings("unchecked")
  private static <D extends PresenceDetail> PresenceBatch<D> assemble(
      List<String> ids, List<List<String>> chunks, Object[] outcomes) {
    Map<String, Presence<D>> found = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Map<String, PresenceException> failures = new LinkedHashMap<>();
    List<String> succeededIds = new ArrayList<>();
    List<ResponseMetadata> responses = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      Object outcome = outcomes[i];
      if (outcome instanceof ChunkOutcome<?> read) {
        responses.addAll(read.responses());
      }
      for (String id : chunks.get(i)) {
        if (outcome instanceof PresenceException e) {
          failures.put(id, e);
        } else {
          Presence<D> presence = ((ChunkOutcome<D>) outcome).found().get(id);
          if (presence != null) {
            found.put(id, presence);
          } else {
            unknown.add(id);
          }
          succeededIds.add(id);
        }
      }
    }
    if (failures.isEmpty()) {
      return PresenceBatch.of(ids, found, unknown, responses);
    }
    if (succeededIds.isEmpty()) {
      throw firstWithOthersSuppressed(failures);
    }
    throw new PartialFailureException(
        PresenceBatch.of(succeededIds, found, unknown, responses), failures);
  }

  private static PresenceException firstWithOthersSuppressed(
      Map<String, PresenceException> failures) {
    Set<PresenceException> distinct = new HashSet<>();
    PresenceException first = null;
    for (PresenceException e : failures.values()) {
      if (first == null) {
        first = e;
        distinct.add(e);
      } else if (distinct.add(e) && first.getSuppressed().length < 10) {
        first.addSuppressed(e);
      }
    }
    if (first == null) {
      throw new IllegalStateException("no failures");
    }
    return first;
  }

  /** Splits {@code ids} into consecutive chunks of at most {@code size}. */
  public static List<List<String>> partition(List<String> ids, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1");
    }
    List<List<String>> chunks = new ArrayList<>((ids.size() + size - 1) / size);
    for (int from = 0; from < ids.size(); from += size) {
      chunks.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
    }
    return chunks;
  }
}
