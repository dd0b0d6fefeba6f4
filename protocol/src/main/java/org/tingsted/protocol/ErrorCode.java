package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The closed set of error codes carried by an {@code error} message. A client can rely on this
 * set: a new code is a breaking change and needs a new sub-protocol version.
 */
public enum ErrorCode {
    @JsonProperty("unauthorized")
    UNAUTHORIZED("unauthorized", "the credential is missing or not valid: not signed by this server, or for a member it does not know"),
    @JsonProperty("forbidden")
    FORBIDDEN("forbidden", "the sender's role or table does not allow this command"),
    @JsonProperty("invalid")
    INVALID("invalid", "the frame is not a well-formed message: bad JSON, a missing or mistyped field, or a value out of range"),
    @JsonProperty("not_found")
    NOT_FOUND("not_found", "the command names a table, proposal, comment, cluster, vote, draft, timer or member that does not exist"),
    @JsonProperty("conflict")
    CONFLICT("conflict", "the command no longer fits the current state, e.g. an edit against an old version"),
    @JsonProperty("phase_closed")
    PHASE_CLOSED("phase_closed", "the current phase of the session does not allow this command"),
    @JsonProperty("rate_limited")
    RATE_LIMITED("rate_limited", "the sender sent too many commands too quickly; retry later"),
    @JsonProperty("too_large")
    TOO_LARGE("too_large", "the frame or one of its texts is longer than its limit"),
    @JsonProperty("unknown_type")
    UNKNOWN_TYPE("unknown_type", "the server does not know this message type"),
    @JsonProperty("internal")
    INTERNAL("internal", "the server failed; the command may be retried with the same id");

    private final String wireName;
    private final String meaning;

    ErrorCode(String wireName, String meaning) {
        this.wireName = wireName;
        this.meaning = meaning;
    }

    /** The code as written on the wire, e.g. {@code not_found}. */
    public String wireName() {
        return wireName;
    }

    /** One line saying what the code means, for documentation and logs. */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
