package io.github.presencesdk.voipnow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The query of a presence listing: whose extensions, which of them, in what order, which fields,
 * and which page.
 *
 * <p>The defaults list every extension of the authenticated user ({@code @me/@self}), unfiltered,
 * in the server's order, with every field, from the start, in pages as large as the client allows
 * (5000 unless configured otherwise). Instances are immutable; {@link #newBuilder()} copies one.
 *
 * <pre>{@code
 * ListPresenceRequest request = ListPresenceRequest.builder()
 *     .filter(ListPresenceRequest.FilterOp.STARTS_WITH, "0003*2")
 *     .sortOrder(ListPresenceRequest.SortOrder.ASCENDING)
 *     .build();
 * }</pre>
 */
public final class ListPresenceRequest {
  /** The only field VoipNow filters presence by. */
  public static final String FILTER_BY_EXTENSION = "extension";

  private final VoipNowUser user;
  private final VoipNowExtension extension;
  private final @Nullable FilterOp filterOp;
  private final @Nullable String filterValue;
  private final @Nullable SortOrder sortOrder;
  private final List<String> fields;
  private final int count;
  private final int startIndex;

  /**
   * How {@code filterValue} is matched against the extension number. The value sent depends on the
   * client's {@link QueryDialect}.
   */
  public enum FilterOp {
    /** The extension is the value: {@code equals}. */
    EQUALS("equals", "equals"),
    /** The extension contains the value: {@code contains}. */
    CONTAINS("contains", "contains"),
    /** The extension starts with the value: {@code startsWith} (V5), {@code starts with} (V3). */
    STARTS_WITH("startsWith", "starts with"),
    /** The extension is one of a comma-separated list of values: {@code inArray} (V5 only). */
    IN_ARRAY("inArray", null);

    private final String wireValue;
    private final @Nullable String v3WireValue;

    FilterOp(String wireValue, @Nullable String v3WireValue) {
      this.wireValue = wireValue;
      this.v3WireValue = v3WireValue;
    }

    /** The value sent as {@code filterOp} in the default dialect, {@link QueryDialect#V5}. */
    public String wireValue() {
      return wireValue;
    }

    /**
     * The value sent as {@code filterOp} in {@code dialect}.
     *
     * @throws IllegalArgumentException if the dialect has no such operation ({@code inArray} in
     *     {@link QueryDialect#V3})
     */
    public String wireValue(QueryDialect dialect) {
      if (dialect == QueryDialect.V5) {
        return wireValue;
      }
      if (v3WireValue == null) {
        throw new IllegalArgumentException(
            "filterOp "
                + wireValue
                + " does not exist in the "
                + dialect
                + " query dialect (equals, contains, starts with): build the client with"
                + " queryDialect(QueryDialect.V5), or filter by equals");
      }
      return v3WireValue;
    }
  }

  /** The order of the entries, sent as {@code sortOrder} in the client's {@link QueryDialect}. */
  public enum SortOrder {
    /** {@code asc} (V5), {@code ascending} (V3). */
    ASCENDING("asc", "ascending"),
    /** {@code desc} (V5), {@code descending} (V3). */
    DESCENDING("desc", "descending");

    private final String wireValue;
    private final String v3WireValue;

    SortOrder(String wireValue, String v3WireValue) {
      this.wireValue = wireValue;
      this.v3WireValue = v3WireValue;
    }

    /** The value sent as {@code sortOrder} in the default dialect, {@link QueryDialect#V5}. */
    public String wireValue() {
      return wireValue;
    }

    /** The value sent as {@code sortOrder} in {@code dialect}. */
    public String wireValue(QueryDialect dialect) {
      return dialect == QueryDialect.V5 ? wireValue : v3WireValue;
    }
  }

  private ListPresenceRequest(Builder builder) {
    this.user = builder.user;
    this.extension = builder.extension;
    this.filterOp = builder.filterOp;
    this.filterValue = builder.filterValue;
    this.sortOrder = builder.sortOrder;
    this.fields = List.copyOf(builder.fields);
    this.count = builder.count;
    this.startIndex = builder.startIndex;
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this request's values. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The user whose extensions are listed; default {@link VoipNowUser#ME}. */
  public VoipNowUser user() {
    return user;
  }

  /** The extension listed, or {@link VoipNowExtension#SELF} (the default) for all of them. */
  public VoipNowExtension extension() {
    return extension;
  }

  /** {@code extension} if a filter is set, else empty. */
  public Optional<String> filterBy() {
    return filterOp != null ? Optional.of(FILTER_BY_EXTENSION) : Optional.empty();
  }

  /** The filter operation, if a filter is set. */
  public Optional<FilterOp> filterOp() {
    return Optional.ofNullable(filterOp);
  }

  /** The filter value, if a filter is set. */
  public Optional<String> filterValue() {
    return Optional.ofNullable(filterValue);
  }

  /** The sort order, if one is set. */
  public Optional<SortOrder> sortOrder() {
    return Optional.ofNullable(sortOrder);
  }

  /**
   * The fields to return, or empty for all of them. When fields are named, {@code extension} is
   * always requested as well, because entries are identified by it.
   */
  public List<String> fields() {
    return fields;
  }

  /** The page size, if set; otherwise the client's {@code maxCount} applies. */
  public OptionalInt count() {
    return count > 0 ? OptionalInt.of(count) : OptionalInt.empty();
  }

  /** The index of the first entry; default 0. */
  public int startIndex() {
    return startIndex;
  }

  /** Returns true if a filter is set. */
  boolean hasFilter() {
    return filterOp != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListPresenceRequest r
        && user.equals(r.user)
        && extension.equals(r.extension)
        && filterOp == r.filterOp
        && Objects.equals(filterValue, r.filterValue)
        && sortOrder == r.sortOrder
        && fields.equals(r.fields)
        && count == r.count
        && startIndex == r.startIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        user, extension, filterOp, filterValue, sortOrder, fields, count, startIndex);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ListPresenceRequest{");
    out.append(user).append('/').append(extension);
    if (filterOp != null) {
      out.append(", filter=extension ")
          .append(filterOp.wireValue())
          .append(" \"")
          .append(filterValue)
          .append('"');
    }
    if (sortOrder != null) {
      out.append(", sortOrder=").append(sortOrder.wireValue());
    }
    if (!fields.isEmpty()) {
      out.append(", fields=").append(String.join(",", fields));
    }
    if (count > 0) {
      out.append(", count=").append(count);
    }
    out.append(", startIndex=").append(startIndex).append('}');
    return out.toString();
  }

  /**
   * Builds a {@link ListPresenceRequest}. Setters check their argument at once; {@link #build()}
   * checks that the filter settings fit together. Not thread-safe.
   */
  public static final class Builder {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private VoipNowUser user = VoipNowUser.ME;
    private VoipNowExtension extension = VoipNowExtension.SELF;
    private boolean filterBySet;
    private @Nullable FilterOp filterOp;
    private @Nullable String filterValue;
    private @Nullable SortOrder sortOrder;
    private List<String> fields = List.of();
    private int count;
    private int startIndex;

    Builder() {}

    Builder(ListPresenceRequest request) {
      this.user = request.user;
      this.extension = request.extension;
      this.filterBySet = request.filterOp != null;
      this.filterOp = request.filterOp;
      this.filterValue = request.filterValue;
      this.sortOrder = request.sortOrder;
      this.fields = request.fields;
      this.count = request.count;
      this.startIndex = request.startIndex;
    }

    /**
     * Sets whose extensions are listed: a user id, or {@code ME}, {@code VIEWER}, {@code OWNER}.
     */
    public Builder user(VoipNowUser user) {
      this.user = requireArg(user, "user");
      return this;
    }

    /** Sets the extension to list, or {@link VoipNowExtension#SELF} for all of the user's. */
    public Builder extension(VoipNowExtension extension) {
      this.extension = requireArg(extension, "extension");
      return this;
    }

    /**
     * Sets the field to filter by. VoipNow filters presence by {@code extension} only, which is
     * also what {@link #filter} and {@link #filterOp} imply; calling this is optional.
     *
     * @throws IllegalArgumentException for any other field
     */
    public Builder filterBy(String field) {
      requireArg(field, "filterBy");
      if (!field.equals(FILTER_BY_EXTENSION)) {
        throw new IllegalArgumentException(
            "filterBy must be \"extension\": VoipNow filters presence by the extension only, was \""
                + field
                + "\"");
      }
      this.filterBySet = true;
      return this;
    }

    /** Sets how the filter value is matched; needs {@link #filterValue(String)} as well. */
    public Builder filterOp(FilterOp filterOp) {
      this.filterOp = requireArg(filterOp, "filterOp");
      return this;
    }

    /**
     * Sets the value to filter the extension by; needs {@link #filterOp(FilterOp)} as well. For
     * {@link FilterOp#IN_ARRAY} it is a comma-separated list of extended numbers; for the other
     * operations digits and {@code *}. Checked by {@link #build()}.
     */
    public Builder filterValue(String filterValue) {
      this.filterValue = requireArg(filterValue, "filterValue");
      return this;
    }

    /** Filters by extension: sets {@code filterBy=extension}, {@code filterOp} and the value. */
    public Builder filter(FilterOp filterOp, String filterValue) {
      filterOp(filterOp);
      filterValue(filterValue);
      this.filterBySet = true;
      return this;
    }

    /**
     * Lists only the extensions with the given extended numbers ({@code filterOp=inArray}).
     *
     * @throws IllegalArgumentException if the collection is empty or a number is not an extended
     *     number
     */
    public Builder filterInArray(Collection<String> extensions) {
      requireArg(extensions, "extensions");
      if (extensions.isEmpty()) {
        throw new IllegalArgumentException("extensions must hold at least one extended number");
      }
      Set<String> distinct = new LinkedHashSet<>();
      int index = 0;
      for (String number : extensions) {
        distinct.add(ExtendedNumbers.require(number, "extensions[" + index + "]"));
        index++;
      }
      return filter(FilterOp.IN_ARRAY, String.join(",", distinct));
    }

    /** Removes the filter. */
    public Builder clearFilter() {
      this.filterBySet = false;
      this.filterOp = null;
      this.filterValue = null;
      return this;
    }

    /** Sets the sort order. */
    public Builder sortOrder(SortOrder sortOrder) {
      this.sortOrder = requireArg(sortOrder, "sortOrder");
      return this;
    }

    /** Removes the sort order, leaving the server's order. */
    public Builder clearSortOrder() {
      this.sortOrder = null;
      return this;
    }

    /**
     * Names the fields to return ({@code extension}, {@code status}, {@code registration}); nothing
     * means all. {@code extension} is always requested too.
     *
     * @throws IllegalArgumentException if a name is blank or not a plain field name
     */
    public Builder fields(String... fields) {
      return fields(Arrays.asList(requireArg(fields, "fields")));
    }

    /** Names the fields to return; see {@link #fields(String...)}. */
    public Builder fields(Collection<String> fields) {
      requireArg(fields, "fields");
      Set<String> distinct = new LinkedHashSet<>();
      for (String field : fields) {
        if (field == null || !FIELD_NAME.matcher(field).matches()) {
          throw new IllegalArgumentException(
              "fields must be presence field names such as extension, status, registration"
                  + " (letters, digits, '_'), was \""
                  + field
                  + "\"");
        }
        distinct.add(field);
      }
      this.fields = new ArrayList<>(distinct);
      return this;
    }

    /**
     * Sets the page size, at least 1. The client rejects values above its {@code maxCount} (default
     * 5000, the most VoipNow returns per page) before sending.
     */
    public Builder count(int count) {
      if (count < 1) {
        throw new IllegalArgumentException(
            "count must be at least 1 (the page size; VoipNow allows up to 5000), was " + count);
      }
      this.count = count;
      return this;
    }

    /**
     * Sets the index of the first entry, at least 0. The client rejects values above its {@code
     * maxStartIndex} (default 5000, the most VoipNow accepts) before sending.
     */
    public Builder startIndex(int startIndex) {
      if (startIndex < 0) {
        throw new IllegalArgumentException(
            "startIndex must be at least 0 (VoipNow accepts up to 5000), was " + startIndex);
      }
      this.startIndex = startIndex;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if the filter is incomplete or its value does not fit the
     *     operation
     */
    public ListPresenceRequest build() {
      FilterOp op = filterOp;
      String value = filterValue;
      if (op == null && value != null) {
        throw new IllegalArgumentException(
            "filterValue is set but filterOp is not: a filter needs filterOp (equals, contains,"
                + " startsWith or inArray) and filterValue");
      }
      if (op != null && value == null) {
        throw new IllegalArgumentException(
            "filterOp is set but filterValue is not: a filter needs filterOp (equals, contains,"
                + " startsWith or inArray) and filterValue");
      }
      if (op == null && filterBySet) {
        throw new IllegalArgumentException(
            "filterBy is set but filterOp and filterValue are not: a filter needs filterOp"
                + " (equals, contains, startsWith or inArray) and filterValue");
      }
      if (op != null && value != null) {
        checkFilterValue(op, value);
      }
      return new ListPresenceRequest(this);
    }

    private static void checkFilterValue(FilterOp op, String value) {
      if (op == FilterOp.IN_ARRAY) {
        String[] numbers = value.split(",", -1);
        for (int i = 0; i < numbers.length; i++) {
          if (!ExtendedNumbers.isNumber(numbers[i])) {
            throw new IllegalArgumentException(
                "filterValue for inArray must be a comma-separated list of extended numbers"
                    + " (digits with an optional '*' separator, such as 0003*210,0003*211); item "
                    + i
                    + " was \""
                    + numbers[i]
                    + "\"");
          }
        }
      } else if (!ExtendedNumbers.isFragment(value)) {
        throw new IllegalArgumentException(
            "filterValue for "
                + op.wireValue()
                + " must be digits and '*' (part of an extended number such as 0003*210), was \""
                + value
                + "\"");
      }
    }

    private static <T> T requireArg(@Nullable T value, String name) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return value;
    }
  }
}
