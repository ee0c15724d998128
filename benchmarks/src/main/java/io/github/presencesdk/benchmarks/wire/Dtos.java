package io.github.presencesdk.benchmarks.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Classes with public fields, as an application would declare them for Moshi's or Jackson's
 * reflective adapters. Instants are parsed by a registered adapter, as the SDK parses them.
 */
public final class Dtos {
  private Dtos() {}

  /** One entry of a VCC presence answer. */
  public static final class VccUserPresence {
    public @Nullable String userId;
    public @Nullable Instant updated;
    public @Nullable VccPresence presence;
  }

  /** A VCC presence definition. */
  public static final class VccPresence {
    public @Nullable String presenceId;
    public boolean selectable;
    public @Nullable VccCategory category;
    public @Nullable String description;
  }

  /** A VCC presence category. */
  public static final class VccCategory {
    public @Nullable String categoryType;
    public @Nullable String description;
    public @Nullable String subCategory;
  }

  /** A page of the VoipNow presence listing. */
  public static final class VoipNowPage {
    public int startIndex;
    public int totalResults;
    public int itemsPerPage;
    public boolean filtered;
    public boolean sorted;
    public @Nullable List<VoipNowEntry> entry;
  }

  /** One entry of the VoipNow presence listing. */
  public static final class VoipNowEntry {
    public @Nullable String extension;
    public int status;
    public @Nullable List<VoipNowRegistration> registration;
  }

  /** One registration of a VoipNow extension. */
  public static final class VoipNowRegistration {
    public @Nullable String agent;
    public int registration;
    public @Nullable String status;
    public @Nullable Instant expire;
  }
}
