package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a comment says about a proposal. */
public enum CommentKind {
    @JsonProperty("support")
    SUPPORT("support"),
    @JsonProperty("concern")
    CONCERN("concern"),
    @JsonProperty("question")
    QUESTION("question"),
    @JsonProperty("other")
    OTHER("other");

    private final String wireName;

    CommentKind(String wireName) {
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
