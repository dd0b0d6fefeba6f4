package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The closed set of error codes carried by an {@code error} message, and by the body of an
 * HTTP answer that refuses a call, with the HTTP status that goes with each. A client can rely
 * on this set: a new code is a breaking change and needs a new sub-protocol version.
 */
public enum ErrorCode {
    @JsonProperty("unauthorized")
    UNAUTHORIZED("unauthorized", 401, "the credential is missing or not valid: not signed by this server, or for a member it does not know"),
    @JsonProperty("forbidden")
    FORBIDDEN("forbidden", 403, "the sender's role or table does not allow this command"),
    @JsonProperty("invalid")
    INVALID("invalid", 400, "the frame is not a well-formed message: bad JSON, a missing or mistyped field, or a value out of range"),
    @JsonProperty("not_found")
    NOT_FOUND("not_found", 404, "the command names a table, proposal, comment, cluster, vote, draft, timer or member that does not exist"),
    @JsonProperty("conflict")
    CONFLICT("conflict", 409, "the command no longer fits the current state, e.g. an edit against an old version"),
    @JsonProperty("phase_closed")
    PHASE_CLOSED("phase_closed", 409, "what the command acts on is not open now: a ballot in a closed vote, or an action the current phase does not allow"),
    @JsonProperty("rate_limited")
    RATE_LIMITED("rate_limited", 429, "the sender sent too many commands too quickly; retry later"),
    @JsonProperty("too_large")
    TOO_LARGE("too_large", 413, "the frame or one of its texts is longer than its limit"),
    @JsonProperty("unknown_type")
    UNKNOWN_TYPE("unknown_type", 400, "the server does not know this message type"),
    @JsonProperty("internal")
    INTERNAL("internal", 500, "the server failed; the command may be retried with the same id");

    private final String wireName;
    private final int httpStatus;
    private final String meaning;

    ErrorCode(String wireName, int httpStatus, String meaning) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
        this.meaning = meaning;
    }

    /** The code as written on the wire, e.g. {@code not_found}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The HTTP status of an answer of the admin API, the report API or the join-code routes
     * that carries this code: one status per code, wherever the code is sent.
     */
    public int httpStatus() {
        return httpStatus;
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
