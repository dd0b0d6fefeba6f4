package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a member takes part from: a tablet at the table in the room, or a computer elsewhere. */
public enum Device {
    @JsonProperty("room")
    ROOM("room"),
    @JsonProperty("remote")
    REMOTE("remote");

    private final String wireName;

    Device(String wireName) {
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
