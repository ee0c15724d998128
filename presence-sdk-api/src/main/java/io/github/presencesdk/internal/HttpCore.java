package io.github.presencesdk.internal;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.NotAcceptableException;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.ResponseMetadata;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.Sleeper;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.UnexpectedStatusException;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.WithMetadata;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The transport every vendor client is built on: it adds the User-Agent, vendor headers and bearer
 * token to each request, retries what the {@link RetryPolicy} allows within the total time budget,
 * reads each body completely and closes it, and turns error responses into the exception tree.
 *
 * <p>Thread-safe; one instance per client.
 */
public final class HttpCore implements AutoCloseable {
  /** Bodies larger than this are refused rather than held in memory. */
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  /** Error bodies are read up to this size for decoding. */
  static final long MAX_ERROR_BODY_BYTES = 64L * 1024;

  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 502, 503, 504);

  /**
   * Immediate retries of a request whose pooled connection was found closed before anything was
   * written; after these, such failures count as attempts like any other connection failure.
   */
  static final int MAX_STALE_CONNECTION_RETRIES = 4;

  /**
   * The end of the budget of the bulk read whose chunk this thread is reading, if it is; set by
   * {@link #withinDeadline} so that the vendors' chunk readers, which call {@link #execute}, need
   * not pass it on. Static, as the thread's: whatever a chunk reader sends belongs to the read.
   */
  private static final ThreadLocal<@Nullable Instant> SCOPED_DEADLINE = new ThreadLocal<>();

  /**
   * Where the metadata of each successful API response this thread receives goes, if anywhere; set
   * by {@link #recordingResponses}, so that the vendors' readers, which call {@link #execute}, need
   * not pass it on. Responses of the token endpoint are not recorded.
   */
  private static final ThreadLocal<@Nullable List<ResponseMetadata>> RECORDED_RESPONSES =
      new ThreadLocal<>();

  private final VendorProfile profile;
  private final CoreSettings settings;
  private final OkHttpClient http;

  /**
   * The caller's OkHttp client, or the one this core created: {@link #http} before this core's
   * timeouts and interceptors, for clients derived from this one to share its pool and dispatcher.
   */
  private final OkHttpClient sharedHttp;

  /**
   * {@link #http} without redirects, for token requests: with the client secret in the form body,
   * OkHttp would send the body again to whatever host a 307 or 308 names.
   */
  private final OkHttpClient tokenHttp;

  private final boolean ownsHttp;
  private final TokenProvider tokens;
  private final String userAgent;
  private final Clock clock;
  private final ExecutorService executor;
  private final Redactor redactor;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Opened by {@link #close()}; retry waits of the default sleeper end early on it. */
  private final CountDownLatch closing = new CountDownLatch(1);

  /** Creates the core of one client. */
  public HttpCore(VendorProfile profile, CoreSettings settings) {
    // Before anything touches OkHttp: a wrong okio fails here with a message, not on first call.
    RuntimeLibraries.check();
    this.profile = profile;
    this.settings = settings;
    this.clock = settings.clock();
    OkHttpClient base = settings.okHttpClient();
    this.ownsHttp = base == null;
    this.sharedHttp = base != null ? base : new OkHttpClient();
    this.http =
        sharedHttp
            .newBuilder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            // The per-attempt limit is set on each call, capped by what is left of the budget.
            .callTimeout(Duration.ZERO)
            // Retries are ours, so that they follow the policy and its budget.
            .retryOnConnectionFailure(false)
            // Never follow a redirect from https to http; OkHttp itself drops Authorization on a
            // redirect to another host.
            .followSslRedirects(false)
            // A request that is not safe to repeat is never written into a connection the server
            // has closed while it sat in the pool.
            .addNetworkInterceptor(new StaleConnectionGuard())
            .build();
    // Derived, so it shares the connection pool and dispatcher.
    this.tokenHttp = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.userAgent = UserAgent.of(profile.id());
    this.executor = newExecutor(profile.id());
    this.redactor = Redactor.of(settings);
    String token = settings.accessToken();
    if (token != null) {
      this.tokens = new StaticTokenProvider(token);
    } else {
      this.tokens =
          new ClientCredentialsTokenProvider(
              this,
              requireNonNull(settings.tokenUrl(), "tokenUrl"),
              requireNonNull(settings.clientId(), "clientId"),
              requireNonNull(settings.clientSecret(), "clientSecret"),
              settings.scopes(),
              settings.clientAuthentication(),
              clock);
    }
  }

  private static <T> T requireNonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }

  private static ExecutorService newExecutor(String vendor) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "presence-sdk-" + vendor + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    return executor;
  }

  /** The vendor's short name. */
  public String vendor() {
    return profile.id();
  }

  /** The API base URL. */
  public HttpUrl baseUrl() {
    return settings.baseUrl();
  }

  /** The settings this core was built with. */
  public CoreSettings settings() {
    return settings;
  }

  /** The most requests a bulk read runs at once. */
  public int maxConcurrency() {
    return settings.maxConcurrency();
  }

  /** The OkHttp client the core sends with (shares the caller's pool if one was given). */
  public OkHttpClient okHttpClient() {
    return http;
  }

  /**
   * The OkHttp client a client derived from this one sends through, sharing its connection pool and
   * dispatcher: the caller's, or the one this core created (without this core's timeouts).
   */
  public OkHttpClient sharedOkHttpClient() {
    return sharedHttp;
  }

  /** Returns true once {@link #close()} has been called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Throws {@link IllegalStateException} if the client is closed. */
  public void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this " + profile.id() + " client is closed");
    }
  }

  /** Runs {@code task} on the client's threads. */
  public <T> CompletableFuture<T> async(Supplier<T> task) {
    checkOpen();
    return CompletableFuture.supplyAsync(task, executor);
  }

  /** Runs {@code task} on the client's threads. */
  public CompletableFuture<Void> runAsync(Runnable task) {
    checkOpen();
    return CompletableFuture.runAsync(task, executor);
  }

  /** Waits for {@code future} and rethrows its failure unwrapped. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throwIfUnchecked(e.getCause());
      throw e;
    }
  }

  /**
   * Throws {@code cause} if it is a {@link RuntimeException} or an {@link Error}, as the failure of
   * a future is rethrown unwrapped; returns for anything else, null included.
   */
  static void throwIfUnchecked(@Nullable Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
  }

  /**
   * Sends {@code request}, retrying as the policy allows, and decodes a 2xx answer with {@code
   * handler}.
   */
  public <T> T execute(ApiRequest request, ResponseHandler<T> handler) {
    return execute(request, Headers.of(), handler);
  }

  /**
   * Like {@link #execute(ApiRequest, ResponseHandler)} with extra request headers.
   *
   * <p>The call's budget is {@code totalTimeout} from now, or what is left of the budget of the
   * bulk read whose chunk the current thread is reading (see {@link #withinDeadline}), whichever
   * ends first.
   */
  public <T> T execute(ApiRequest request, Headers extraHeaders, ResponseHandler<T> handler) {
    checkOpen();
    Instant deadline = newDeadline();
    Instant scoped = SCOPED_DEADLINE.get();
    if (scoped != null && scoped.isBefore(deadline)) {
      deadline = scoped;
    }
    return execute(request, extraHeaders, handler, http, deadline, true);
  }

  /** The end of the budget of a call that starts now. */
  Instant newDeadline() {
    return clock.instant().plus(settings.totalTimeout());
  }

  /** Returns true if the budget that ends at {@code deadline} is used up. */
  boolean isPast(Instant deadline) {
    return !clock.instant().isBefore(deadline);
  }

  /**
   * Runs {@code task} on this thread and adds to {@code into} the metadata of every successful API
   * response it receives through {@link #execute} on this thread, in the order they arrive. When
   * this runs inside another recording, the outer one receives them as well.
   */
  public static <T> T recordingResponses(List<ResponseMetadata> into, Supplier<T> task) {
    List<ResponseMetadata> outer = RECORDED_RESPONSES.get();
    RECORDED_RESPONSES.set(into);
    try {
      return task.get();
    } finally {
      if (outer == null) {
        RECORDED_RESPONSES.remove();
      } else {
        RECORDED_RESPONSES.set(outer);
        outer.addAll(into);
      }
    }
  }

  /**
   * Runs {@code call}, which makes one request through this core on this thread, and returns its
   * value with the metadata of the response it came from (the last successful one, if the call made
   * more).
   *
   * @throws IllegalStateException if the call received no response through this core
   */
  public <T> WithMetadata<T> withMetadata(Supplier<T> call) {
    List<ResponseMetadata> responses = new ArrayList<>();
    T value = recordingResponses(responses, call);
    if (responses.isEmpty()) {
      throw new IllegalStateException("the call received no response to take metadata from");
    }
    return new WithMetadata<>(value, responses.get(responses.size() - 1));
  }

  /**
   * Runs {@code task} on this thread with every {@link #execute} it makes limited to the budget
   * that ends at {@code deadline} (or to an earlier one already in force).
   */
  <T> T withinDeadline(Instant deadline, Supplier<T> task) {
    Instant outer = SCOPED_DEADLINE.get();
    SCOPED_DEADLINE.set(outer != null && outer.isBefore(deadline) ? outer : deadline);
    try {
      return task.get();
    } finally {
      if (outer == null) {
        SCOPED_DEADLINE.remove();
      } else {
        SCOPED_DEADLINE.set(outer);
      }
    }
  }

  /**
   * The exception of a call, or of the part {@code what} of a bulk read, that ran out of its budget
   * before it could be sent (again).
   */
  PresenceIoException outOfBudget(String what, String detail) {
    return new PresenceIoException(
        profile.id()
            + " "
            + what
            + " ran out of its total timeout of "
            + settings.totalTimeout()
            + " "
            + detail,
        null);
  }

  /**
   * Sends a request to the token endpoint like {@link #execute(ApiRequest, Headers,
   * ResponseHandler)}, but never follows a redirect (a 3xx answer reaches the caller as an error
   * status: the request carries the client credentials, which must go nowhere but the configured
   * token URL), and within the budget of the call that needs the token rather than a budget of its
   * own.
   */
  <T> T executeTokenRequest(
      ApiRequest request, Headers extraHeaders, ResponseHandler<T> handler, Instant deadline) {
    checkOpen();
    return execute(request, extraHeaders, handler, tokenHttp, deadline, false);
  }

  private <T> T execute(
      ApiRequest request,
      Headers extraHeaders,
      ResponseHandler<T> handler,
      OkHttpClient client,
      Instant deadline,
      boolean record) {
    RetryPolicy policy = settings.retryPolicy();
    boolean refreshedToken = false;
    int staleConnections = 0;
    int attempt = 1;
    while (true) {
      checkBudget(request, deadline, attempt);
      // Fetching a token takes from the same budget; the attempt gets what is left after it.
      String token = request.authenticated() ? tokens.token(deadline) : null;
      Duration remaining = checkBudget(request, deadline, attempt);
      Request httpRequest = buildRequest(request, extraHeaders, token);
      Call call = client.newCall(httpRequest);
      Duration attemptTimeout = min(settings.attemptTimeout(), remaining);
      // At least 1 ms: a timeout of 0 would mean no limit at all.
      call.timeout().timeout(Math.max(1, attemptTimeout.toMillis()), TimeUnit.MILLISECONDS);

      PresenceException failure;
      boolean retryable;
      @Nullable Duration retryAfter = null;
      inFlight.add(call);
      if (closed.get()) {
        // close() ran after checkOpen() but before the call was registered: it must not run.
        call.cancel();
      }
      try (Response response = call.execute()) {
        int status = response.code();
        if (status >= 200 && status < 300) {
          Buffer body;
          try {
            body = readBody(response, MAX_BODY_BYTES);
          } catch (BodyTooLargeException e) {
            throw new UndecodableResponseException(
                profile.id(),
                status,
                profile.id()
                    + " answered HTTP "
                    + status
                    + " with a body larger than "
                    + MAX_BODY_BYTES
                    + " bytes",
                "",
                null);
          }
          if (record) {
            record(request, response, redactor.with(token));
          }
          try {
            return handler.handle(status, body);
          } catch (UndecodableResponseException e) {
            // The excerpt and the decoder's messages quote the body, which a proxy page may fill
            // with what it was sent.
            throw redacted(e, redactor.with(token));
          }
        }
        if (status == 401 && token != null && !refreshedToken && tokens.invalidate(token)) {
          // One fresh token and one more try; this does not count as a retry.
          refreshedToken = true;
          continue;
        }
        // A server may echo what it was sent; no credential may reach an exception.
        Redactor secrets = redactor.with(token);
        String bodyText = secrets.redact(readErrorBody(response));
        retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
        failure = errorFor(request, response, bodyText, retryAfter, secrets);
        // 408 and 429 mean the server did not act on the request, so any request may be repeated.
        retryable =
            RETRYABLE_STATUSES.contains(status)
                && (request.retrySafe() || status == 408 || status == 429);
      } catch (IOException e) {
        if (closed.get()) {
          throw closedFailure(request.describe(), e);
        }
        if (e instanceof StaleConnectionGuard.StaleConnectionException
            && staleConnections < MAX_STALE_CONNECTION_RETRIES) {
          // Nothing of the request was written, so it is repeated at once on another connection,
          // whatever the method; this is not a retry of the policy.
          staleConnections++;
          continue;
        }
        failure =
            new PresenceIoException(
                profile.id() + " " + request.describe() + " failed: " + describe(e), e);
        retryable = request.retrySafe() || neverReachedServer(e);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        // OkHttp is written in Kotlin and lets an InterruptedException out of its connection race
        // undeclared; it must not reach the caller as a checked exception nobody expects.
        throw interrupted(request, e);
      } finally {
        inFlight.remove(call);
      }

      if (!retryable || attempt >= policy.maxAttempts()) {
        throw failure;
      }
      Duration delay =
          retryAfter != null
              ? min(retryAfter, policy.maxRetryAfter())
              : policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
      if (delay.compareTo(Duration.between(clock.instant(), deadline)) >= 0) {
        // Waiting would exceed the budget: report what the vendor said now.
        throw failure;
      }
      try {
        sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PresenceIoException(
            profile.id() + " " + request.describe() + " was interrupted while waiting to retry", e);
      }
      checkOpenForRetry(request);
      attempt++;
    }
  }

  /**
   * Returns what is left of the budget that ends at {@code deadline}, or throws the {@link
   * PresenceIoException} of a call that ran out of it before attempt {@code attempt}.
   */
  private Duration checkBudget(ApiRequest request, Instant deadline, int attempt) {
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      throw outOfBudget(request.describe(), "after " + (attempt - 1) + " attempt(s)");
    }
    return remaining;
  }

  /**
   * {@code e} with every credential removed from its message, its body excerpt and the messages of
   * its causes; {@code e} itself if it holds none.
   */
  private static UndecodableResponseException redacted(
      UndecodableResponseException e, Redactor secrets) {
    String message = String.valueOf(e.getMessage());
    String safeMessage = secrets.redact(message);
    String safeExcerpt = secrets.redact(e.bodyExcerpt());
    Throwable cause = e.getCause();
    Throwable safeCause = cause == null ? null : secrets.redact(cause);
    if (safeMessage.equals(message) && safeExcerpt.equals(e.bodyExcerpt()) && safeCause == cause) {
      return e;
    }
    UndecodableResponseException safe =
        new UndecodableResponseException(
            e.vendor(), e.statusCode(), safeMessage, safeExcerpt, safeCause);
    safe.setStackTrace(e.getStackTrace());
    return safe;
  }

  /**
   * The exception for a call ended by an interrupt: the client's own, when close() stopped its
   * threads, or the caller's, whose interrupt status is kept.
   */
  private PresenceIoException interrupted(ApiRequest request, Exception e) {
    if (closed.get()) {
      return closedFailure(request.describe(), e);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new PresenceIoException(
        profile.id() + " " + request.describe() + " was interrupted: " + e, e);
  }

  private void checkOpenForRetry(ApiRequest request) {
    if (closed.get()) {
      throw closedFailure(request.describe(), null);
    }
  }

  /**
   * Waits before a retry. The default sleeper's wait ends as soon as the client is closed, so that
   * close() does not leave callers waiting out a backoff or a long Retry-After.
   */
  private void sleep(Duration delay) throws InterruptedException {
    Sleeper sleeper = settings.sleeper();
    if (sleeper == Sleeper.SYSTEM) {
      long nanos = delay.toNanos();
      if (nanos > 0) {
        closing.await(nanos, TimeUnit.NANOSECONDS);
      }
    } else {
      sleeper.sleep(delay);
    }
  }

  /**
   * The exception that ends a call, or the part of a bulk read, that was in flight when the client
   * was closed.
   *
   * @param what the operation, such as {@code GET /agents/presences/users}
   * @param cause the transport failure the cancellation caused, if any
   */
  public PresenceIoException closedFailure(String what, @Nullable Throwable cause) {
    return new PresenceIoException(
        profile.id() + " " + what + " was cancelled because the client was closed", cause);
  }

  private Request buildRequest(ApiRequest request, Headers extraHeaders, @Nullable String token) {
    Request.Builder builder =
        new Request.Builder().url(request.url()).method(request.method(), request.body());
    if (!request.retrySafe()) {
      builder.tag(StaleConnectionGuard.Check.class, StaleConnectionGuard.Check.PROBE);
    }
    builder.header("User-Agent", userAgent);
    if (request.authenticated()) {
      profile.defaultHeaders().forEach(builder::header);
    } else {
      builder.header("Accept", "application/json");
    }
    for (int i = 0; i < extraHeaders.size(); i++) {
      builder.header(extraHeaders.name(i), extraHeaders.value(i));
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static Buffer readBody(Response response, long limit) throws IOException {
    ResponseBody body = response.body();
    Buffer buffer = new Buffer();
    BufferedSource source = body.source();
    while (!source.exhausted()) {
      source.read(buffer, 8192);
      if (buffer.size() > limit) {
        throw new BodyTooLargeException();
      }
    }
    return buffer;
  }

  private static String readErrorBody(Response response) {
    try {
      BufferedSource source = response.body().source();
      source.request(MAX_ERROR_BODY_BYTES);
      Buffer buffer = new Buffer();
      source.read(buffer, Math.min(MAX_ERROR_BODY_BYTES, source.getBuffer().size()));
      return buffer.readUtf8();
    } catch (IOException e) {
      // The status already says what went wrong; an unreadable body only loses the details.
      return "";
    }
  }

  private PresenceServiceException errorFor(
      ApiRequest request,
      Response response,
      String body,
      @Nullable Duration retryAfter,
      Redactor redactor) {
    int status = response.code();
    VendorError base =
        new VendorError(
            profile.id(),
            status,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.ofNullable(redactor.redactOrNull(requestId(response))),
            body);
    ErrorDecoder decoder =
        request.errorDecoder() != null ? request.errorDecoder() : profile.errorDecoder();
    VendorError error;
    try {
      error = decoder.decode(base, body);
    } catch (RuntimeException e) {
      error = base;
    }
    Map<String, List<String>> headers = ResponseHeaders.safe(response.headers(), redactor);
    return switch (status) {
      case 400 -> new BadRequestException(error, headers);
      case 401 -> new AuthenticationException(error, headers);
      case 403 -> new PermissionDeniedException(error, headers);
      case 404 -> new NotFoundException(error, headers);
      case 406 -> new NotAcceptableException(error, headers);
      case 429 -> new RateLimitedException(error, headers, retryAfter);
      default ->
          status >= 500
              ? new ServerException(error, headers)
              : new UnexpectedStatusException(error, headers);
    };
  }

  /** Adds the metadata of a successful response to the recording of this thread, if any. */
  private void record(ApiRequest request, Response response, Redactor secrets) {
    List<ResponseMetadata> into = RECORDED_RESPONSES.get();
    if (into != null) {
      into.add(
          ResponseMetadata.of(
              profile.id(),
              request.describe(),
              response.code(),
              secrets.redactOrNull(requestId(response)),
              ResponseHeaders.safe(response.headers(), secrets)));
    }
  }

  private @Nullable String requestId(Response response) {
    for (String name : profile.requestIdHeaders()) {
      String value = response.header(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static boolean neverReachedServer(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException
        // The guard found the connection closed before writing anything of the request.
        || e instanceof StaleConnectionGuard.StaleConnectionException;
  }

  private static String describe(IOException e) {
    if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      return "the attempt timed out";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Closes the client: calls in flight are cancelled and end with a {@link PresenceIoException}
   * (calls waiting to retry too, at once with the default sleeper), the parts of bulk reads not yet
   * sent fail with the same exception, the client's threads stop, and connections are released
   * unless the caller owns the OkHttp client. Calls made afterwards throw {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing.countDown();
    for (Call call : inFlight) {
      call.cancel();
    }
    executor.shutdownNow();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "HttpCore{vendor="
        + profile.id()
        + ", settings="
        + settings
        + ", tokens="
        + tokens
        + '}';
  }
}
