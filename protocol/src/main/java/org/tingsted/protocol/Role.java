package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a person may do in a session. Observers only read. */
public enum Role {
    @JsonProperty("member")
    MEMBER("member"),
    @JsonProperty("facilitator")
    FACILITATOR("facilitator"),
    @JsonProperty("lead_facilitator")
    LEAD_FACILITATOR("lead_facilitator"),
    @JsonProperty("observer")
    OBSERVER("observer");

    private final String wireName;

    Role(String wireName) {
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
