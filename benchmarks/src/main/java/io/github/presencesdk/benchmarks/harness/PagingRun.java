package io.github.presencesdk.benchmarks.harness;

import io.github.presencesdk.benchmarks.Payloads;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.VoipNowClient;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child side of the paging run: lists every entry through the lazy listing and prints one JSON
 * line with the count, the time, and the peak heap. Run it with a small heap, such as {@code
 * -Xmx64m}.
 *
 * <p>Arguments: the server URL, the number of entries it serves, its largest {@code startIndex},
 * the page size, and how the entries are listed: {@code auto}, one {@link VoipNowClient#list()}
 * that reads past the {@code startIndex} window by itself, or {@code partitioned}, the listings
 * {@code startsWith 0003*00}, {@code 0003*01}, ... of 10,000 entries each, one after the other, as
 * a caller who knows the numbering can ask for them.
 */
public final class PagingRun {
  private PagingRun() {}

  /** Runs the listing; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int expected = Integer.parseInt(args[1]);
    int maxStartIndex = Integer.parseInt(args[2]);
    int page = Integer.parseInt(args[3]);
    boolean partitioned = args[4].equals("partitioned");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (VoipNowClient client =
        VoipNowClient.builder()
            .baseUrl(url)
            .accessToken("benchmark-token")
            .maxCount(page)
            .maxStartIndex(maxStartIndex)
            .build()) {
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      long[] gcBefore = gcTotals();
      AtomicLong sampledPeak = new AtomicLong();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();

      long liveMidway = 0;
      long paused = 0;
      long start = System.nanoTime();
      int count = 0;
      // Every entry once: a dropped or repeated entry fails the run. The partitioned listings are
      // also in order; one list() without a sort order reads from both ends, so it is not.
      BitSet seen = new BitSet(expected);
      for (ExtensionPresence entry : listing(client, expected, partitioned)) {
        String extension = entry.extension();
        int number =
            extension.length() == 11 && extension.startsWith("0003*")
                ? Integer.parseInt(extension, 5, 11, 10)
                : -1;
        if (number < 0 || number >= expected || seen.get(number)) {
          throw new IllegalStateException(
              "entry " + count + " was " + extension + ", which is unknown or was listed before");
        }
        if (partitioned && number != count) {
          throw new IllegalStateException(
              "entry "
                  + count
                  + " was "
                  + extension
                  + ", expected "
                  + Payloads.voipNowExtension(count));
        }
        seen.set(number);
        count++;
        if (count == expected / 2) {
          // What the listing holds half way: a full collection leaves only live objects.
          long gcStart = System.nanoTime();
          System.gc();
          liveMidway = memory.getHeapMemoryUsage().getUsed();
          paused += System.nanoTime() - gcStart;
        }
      }
      long end = System.nanoTime();
      sampler.interrupt();
      sampler.join();
      if (count != expected) {
        throw new IllegalStateException("listed " + count + " entries, expected " + expected);
      }

      long[] gcAfter = gcTotals();
      double seconds = (end - start - paused) / 1e9;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("entries", count);
      out.put("wallMillis", Stats.round(seconds * 1000, 1));
      out.put("entriesPerSecond", Math.round(count / seconds));
      out.put("maxHeapMiB", mib(Runtime.getRuntime().maxMemory()));
      out.put("baselineHeapMiB", mib(baseline));
      // The most heap in use at any sample, garbage not yet collected included, and what is live
      // half way through the listing.
      out.put("sampledPeakHeapMiB", mib(sampledPeak.get()));
      out.put("liveHeapMidwayMiB", mib(liveMidway));
      out.put("gcCollections", gcAfter[0] - gcBefore[0]);
      out.put("gcMillis", gcAfter[1] - gcBefore[1]);
      out.put("gc", gcNames());
      System.out.println(JsonFiles.line(out));
    }
  }

  /** The entries in extension order, read by one listing or by consecutive prefix listings. */
  private static Iterable<ExtensionPresence> listing(
      VoipNowClient client, int entries, boolean partitioned) {
    if (!partitioned) {
      return client.list();
    }
    // Extensions are 0003* and six digits: each two-digit prefix holds 10,000 of them, which
    // plain paging reaches in two pages of 5000.
    // An iterator by hand rather than Stream.flatMap, whose iterator() buffers each inner listing.
    int parts = (entries + 9_999) / 10_000;
    return () ->
        new Iterator<ExtensionPresence>() {
          private int next;
          private Iterator<ExtensionPresence> current = Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && next < parts) {
              String prefix = String.format(Locale.ROOT, "0003*%02d", next++);
              current =
                  client
                      .list(
                          ListPresenceRequest.builder()
                              .filter(ListPresenceRequest.FilterOp.STARTS_WITH, prefix)
                              .build())
                      .iterator();
            }
            return current.hasNext();
          }

          @Override
          public ExtensionPresence next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
  }

  private static double mib(long bytes) {
    return Stats.round(bytes / (1024.0 * 1024.0), 1);
  }

  private static long[] gcTotals() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static String gcNames() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName());
    }
    return String.join(", ", names);
  }
}
