package io.github.presencesdk.vonage;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The category of a VCC presence definition ({@code category}).
 *
 * @param categoryType the category type; {@link CategoryType#UNKNOWN} for a value this SDK does not
 *     know or when VCC sent none
 * @param rawCategoryType the {@code categoryType} exactly as VCC sent it, empty if it sent none
 * @param description the category's display text, such as {@code "Extended Away"}
 * @param subCategory the {@code subCategory} newer VCC responses add, such as {@code "Away"}
 */
public record PresenceCategory(
    CategoryType categoryType,
    String rawCategoryType,
    Optional<String> description,
    Optional<String> subCategory) {

  /** Checks that no component is null. */
  public PresenceCategory {
    Objects.requireNonNull(categoryType, "categoryType");
    Objects.requireNonNull(rawCategoryType, "rawCategoryType");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(subCategory, "subCategory");
  }

  /** Creates a category from VCC's raw values; the type is looked up from {@code rawType}. */
  public static PresenceCategory of(
      @Nullable String rawType, @Nullable String description, @Nullable String subCategory) {
    String raw = rawType == null ? "" : rawType;
    return new PresenceCategory(
        CategoryType.fromWire(raw),
        raw,
        Optional.ofNullable(description),
        Optional.ofNullable(subCategory));
  }
}
