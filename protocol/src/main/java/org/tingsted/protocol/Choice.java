package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a member says about one draft recommendation in the final vote of a session. */
public enum Choice {
    @JsonProperty("support")
    SUPPORT("support"),
    @JsonProperty("oppose")
    OPPOSE("oppose"),
    @JsonProperty("abstain")
    ABSTAIN("abstain");

    private final String wireName;

    Choice(String wireName) {
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
