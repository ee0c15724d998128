package io.github.presencesdk.benchmarks.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The same shapes as {@link Dtos}, as records for Moshi's record support. */
public final class Records {
  private Records() {}

  /** One entry of a VCC presence answer. */
  public record VccUserPresence(
      @Nullable String userId, @Nullable Instant updated, @Nullable VccPresence presence) {}

  /** A VCC presence definition. */
  public record VccPresence(
      @Nullable String presenceId,
      boolean selectable,
      @Nullable VccCategory category,
      @Nullable String description) {}

  /** A VCC presence category. */
  public record VccCategory(
      @Nullable String categoryType, @Nullable String description, @Nullable String subCategory) {}

  /** A page of the VoipNow presence listing. */
  public record VoipNowPage(
      int startIndex,
      int totalResults,
      int itemsPerPage,
      boolean filtered,
      boolean sorted,
      @Nullable List<VoipNowEntry> entry) {}

  /** One entry of the VoipNow presence listing. */
  public record VoipNowEntry(
      @Nullable String extension, int status, @Nullable List<VoipNowRegistration> registration) {}

  /** One registration of a VoipNow extension. */
  public record VoipNowRegistration(
      @Nullable String agent,
      int registration,
      @Nullable String status,
      @Nullable Instant expire) {}
}
