package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Parameters of a dots vote: how many dots each member places, and how many of them at most on
 * one item. Either may be absent; the server then uses its defaults and reports the values it
 * used in the {@code voteOpened} event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoteParams(Integer dotsPerMember, Integer capPerItem) {

    public VoteParams {
        if (dotsPerMember != null) {
            Require.atLeast("dotsPerMember", dotsPerMember, 1);
        }
        if (capPerItem != null) {
            Require.atLeast("capPerItem", capPerItem, 1);
        }
        if (dotsPerMember != null && capPerItem != null && capPerItem > dotsPerMember) {
            throw new InvalidField(ErrorCode.INVALID, "capPerItem", "must not exceed dotsPerMember");
        }
    }
}
