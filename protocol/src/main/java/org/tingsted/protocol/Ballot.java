package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A member's ballot in a vote: exactly one of {@code dots} (item → dots placed, ≥ 0),
 * {@code order} (items from most to least preferred, each once) or {@code scale}
 * (item → agreement from {@link Protocol#SCALE_MIN} to {@link Protocol#SCALE_MAX}).
 * Which one must match the vote's method; the server checks that.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ballot(Map<String, Integer> dots, List<String> order, Map<String, Integer> scale) {

    public Ballot {
        int given = (dots == null ? 0 : 1) + (order == null ? 0 : 1) + (scale == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidField(ErrorCode.INVALID, "ballot", "must have exactly one of dots, order or scale");
        }
        if (dots != null) {
            dots = Require.counts("dots", dots, 0, Long.MAX_VALUE);
            nonEmpty("dots", dots.size());
        }
        if (order != null) {
            order = Require.ids("order", order, 1);
        }
        if (scale != null) {
            scale = Require.counts("scale", scale, Protocol.SCALE_MIN, Protocol.SCALE_MAX);
            nonEmpty("scale", scale.size());
        }
    }

    /** A dots ballot: item id → number of dots placed on it. */
    public static Ballot dots(Map<String, Integer> dots) {
        return new Ballot(dots, null, null);
    }

    /** A ranking ballot: item ids from most to least preferred. */
    public static Ballot order(List<String> order) {
        return new Ballot(null, order, null);
    }

    /** A scale ballot: item id → agreement from 1 (strongly disagree) to 5 (strongly agree). */
    public static Ballot scale(Map<String, Integer> scale) {
        return new Ballot(null, null, scale);
    }

    private static void nonEmpty(String field, int size) {
        if (size == 0) {
            throw new InvalidField(ErrorCode.INVALID, field, "must name at least 1 item");
        }
    }
}
