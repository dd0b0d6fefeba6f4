package org.tingsted.protocol;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field rules shared by the messages' compact constructors. */
final class Require {

    private Require() {
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidField(ErrorCode.INVALID, field, "is required");
        }
        return value;
    }

    /** A command id or a reference to a proposal, comment, cluster, vote, table, member or stream. */
    static String id(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidField(ErrorCode.INVALID, field, "must not be blank");
        }
        if (value.length() > Protocol.MAX_ID_LENGTH) {
            throw new InvalidField(ErrorCode.INVALID, field,
                    "must be at most " + Protocol.MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    /** Text a person wrote: not blank, and at most {@code max} code points, else {@code too_large}. */
    static String text(String field, String value, int max) {
        present(field, value);
        int length = Limits.characters(value);
        if (length > max) {
            throw new InvalidField(ErrorCode.TOO_LARGE, field,
                    "must be at most " + max + " characters (was " + length + ")");
        }
        if (value.isBlank()) {
            throw new InvalidField(ErrorCode.INVALID, field, "must not be blank");
        }
        return value;
    }

    static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidField(ErrorCode.INVALID, field, "must be at least " + min + " (was " + value + ")");
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        return (int) atLeast(field, (long) value, (long) min);
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidField(ErrorCode.INVALID, field,
                    "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** An immutable copy of a list of distinct ids; {@code minSize} is 0 or 1. */
    static List<String> ids(String field, Collection<String> values, int minSize) {
        present(field, values);
        if (values.size() < minSize) {
            throw new InvalidField(ErrorCode.INVALID, field, "must name at least " + minSize + " item");
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            id(field + "[]", value);
            if (!seen.add(value)) {
                throw new InvalidField(ErrorCode.INVALID, field, "names " + value + " twice");
            }
        }
        return List.copyOf(values);
    }

    /** A share of a whole, such as a threshold: a number greater than 0 and at most 1. */
    static double share(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            String shown = Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                    : String.valueOf(value);
            throw new InvalidField(ErrorCode.INVALID, field, "must be greater than 0 and at most 1 (was " + shown + ")");
        }
        return value;
    }

    /** An immutable copy of a list of values, none null, with at least {@code minSize} of them. */
    static <T> List<T> list(String field, Collection<T> values, int minSize) {
        present(field, values);
        if (values.size() < minSize) {
            throw new InvalidField(ErrorCode.INVALID, field, "must name at least " + minSize + " item");
        }
        int index = 0;
        for (T value : values) {
            present(field + "[" + index++ + "]", value);
        }
        return List.copyOf(values);
    }

    static List<String> optionalIds(String field, Collection<String> values) {
        return values == null ? null : ids(field, values, 0);
    }

    /** An immutable, order-keeping copy of a map from ids to values, none null, with at least {@code minSize} entries. */
    static <V> Map<String, V> entries(String field, Map<String, V> values, int minSize) {
        present(field, values);
        if (values.size() < minSize) {
            throw new InvalidField(ErrorCode.INVALID, field, "must name at least " + minSize + " item");
        }
        Map<String, V> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            id(field + " key", key);
            copy.put(key, present(field + "." + key, value));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** An immutable, order-keeping copy of a map from ids to numbers in [min, max]. */
    static <N extends Number> Map<String, N> counts(String field, Map<String, N> values, long min, long max) {
        present(field, values);
        Map<String, N> copy = new LinkedHashMap<>();
        values.forEach((key, number) -> {
            id(field + " key", key);
            present(field + "." + key, number);
            long n = number.longValue();
            if (n < min || n > max) {
                throw new InvalidField(ErrorCode.INVALID, field + "." + key,
                        max == Long.MAX_VALUE ? "must be at least " + min + " (was " + n + ")"
                                : "must be between " + min + " and " + max + " (was " + n + ")");
            }
            copy.put(key, number);
        });
        return Collections.unmodifiableMap(copy);
    }
}
