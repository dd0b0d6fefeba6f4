package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a timer is: counting down to its deadline, paused with time left, run out, or
 * cancelled. Elapsed and cancelled timers do not change again.
 */
public enum TimerStatus {
    @JsonProperty("running")
    RUNNING("running"),
    @JsonProperty("paused")
    PAUSED("paused"),
    @JsonProperty("elapsed")
    ELAPSED("elapsed"),
    @JsonProperty("cancelled")
    CANCELLED("cancelled");

    private final String wireName;

    TimerStatus(String wireName) {
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
