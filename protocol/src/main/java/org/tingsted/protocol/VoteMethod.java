package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a table votes: dots to spread, a ranking (tallied by Schulze and Borda), or an agreement scale of 1 to 5 per item. */
public enum VoteMethod {
    @JsonProperty("dots")
    DOTS("dots"),
    @JsonProperty("ranking")
    RANKING("ranking"),
    @JsonProperty("scale")
    SCALE("scale");

    private final String wireName;

    VoteMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The value as written on the wire. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
