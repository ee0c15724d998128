package io.github.presencesdk;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A lazy view of every item of a paged listing. Nothing is fetched until iteration starts, and page
 * {@code k+1} is fetched only when the items of page {@code k} have been consumed, so a listing of
 * millions of items runs in the memory of one page.
 *
 * <p>Each iteration starts over from the first page. Instances are immutable; iterators are not
 * thread-safe.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Supplier<Page<T>> firstPage;
  private final Supplier<CompletableFuture<Page<T>>> firstPageAsync;

  private AutoPager(
      Supplier<Page<T>> firstPage, Supplier<CompletableFuture<Page<T>>> firstPageAsync) {
    this.firstPage = firstPage;
    this.firstPageAsync = firstPageAsync;
  }

  /** Creates a pager from functions that fetch the first page. */
  public static <T> AutoPager<T> of(
      Supplier<Page<T>> firstPage, Supplier<CompletableFuture<Page<T>>> firstPageAsync) {
    return new AutoPager<>(
        Objects.requireNonNull(firstPage, "firstPage"),
        Objects.requireNonNull(firstPageAsync, "firstPageAsync"));
  }

  /** Fetches the first page now. */
  public Page<T> firstPage() {
    return firstPage.get();
  }

  /** The pages, each fetched when the iteration reaches it. */
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  /** The items of every page, each page fetched when the iteration reaches it. */
  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  /** The items as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Hands every item to {@code action} without blocking the caller, fetching the pages one after
   * another. The future completes when the last page has been handled, or fails with the first
   * error (of a page, or thrown by {@code action}). Listings of any length are walked without
   * growing the stack, also when pages arrive already completed.
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<Void> done = new CompletableFuture<>();
    new AsyncWalk(action, done).walk(firstPageAsync.get());
    return done;
  }

  /** Collects every item without blocking the caller. Meant for listings that fit in memory. */
  public CompletableFuture<List<T>> toListAsync() {
    List<T> all = new ArrayList<>();
    return forEachAsync(all::add).thenApply(ignored -> all);
  }

  /**
   * One run of {@link #forEachAsync}. Pages whose future is already complete are handled in a loop
   * rather than by composing futures, which nests one call per page and overflows the stack on long
   * listings; only a page still being fetched ends the loop, and its completion resumes it.
   */
  private final class AsyncWalk {
    private final Consumer<? super T> action;
    private final CompletableFuture<Void> done;

    AsyncWalk(Consumer<? super T> action, CompletableFuture<Void> done) {
      this.action = action;
      this.done = done;
    }

    void walk(CompletableFuture<Page<T>> first) {
      CompletableFuture<Page<T>> next = first;
      while (true) {
        if (!next.isDone()) {
          CompletableFuture<Page<T>> pending = next;
          pending.whenComplete((page, failure) -> walk(pending));
          return;
        }
        try {
          Page<T> page = next.join();
          page.items().forEach(action);
          if (!page.hasNextPage()) {
            done.complete(null);
            return;
          }
          next = page.nextPageAsync();
        } catch (CompletionException e) {
          done.completeExceptionally(e.getCause() != null ? e.getCause() : e);
          return;
        } catch (RuntimeException | Error e) {
          done.completeExceptionally(e);
          return;
        }
      }
    }
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private @Nullable Page<T> current;
    private boolean started;

    @Override
    public boolean hasNext() {
      return !started || (current != null && current.hasNextPage());
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more pages");
      }
      Page<T> page = started && current != null ? current.nextPage() : firstPage.get();
      started = true;
      current = page;
      return page;
    }
  }

  private final class ItemIterator implements Iterator<T> {
    private final PageIterator pages = new PageIterator();
    private Iterator<T> items = java.util.Collections.emptyIterator();

    @Override
    public boolean hasNext() {
      while (!items.hasNext()) {
        if (!pages.hasNext()) {
          return false;
        }
        items = pages.next().items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more items");
      }
      return items.next();
    }
  }
}
