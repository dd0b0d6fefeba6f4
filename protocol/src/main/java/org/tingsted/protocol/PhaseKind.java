package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a phase of the session day is for. The phase decides which table actions are open to
 * members; facilitators may act in any phase (see {@code docs/protocol.md}, "Phases").
 */
public enum PhaseKind {
    @JsonProperty("welcome")
    WELCOME("welcome"),
    @JsonProperty("propose")
    PROPOSE("propose"),
    @JsonProperty("discuss")
    DISCUSS("discuss"),
    @JsonProperty("cluster")
    CLUSTER("cluster"),
    @JsonProperty("rank")
    RANK("rank"),
    @JsonProperty("plenary")
    PLENARY("plenary"),
    @JsonProperty("report")
    REPORT("report"),
    @JsonProperty("break")
    BREAK("break");

    private final String wireName;

    PhaseKind(String wireName) {
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
