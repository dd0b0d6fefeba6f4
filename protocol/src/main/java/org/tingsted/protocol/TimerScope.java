package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a timer measures: a phase of the agenda, a round at a table, or one speaker's turn. */
public enum TimerScope {
    @JsonProperty("phase")
    PHASE("phase"),
    @JsonProperty("round")
    ROUND("round"),
    @JsonProperty("speaker")
    SPEAKER("speaker");

    private final String wireName;

    TimerScope(String wireName) {
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
