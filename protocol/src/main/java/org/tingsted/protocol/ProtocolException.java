package org.tingsted.protocol;

import java.util.Objects;

/**
 * A frame that cannot be accepted as a message. The gateway answers it with an {@code error}
 * carrying {@link #code()}, {@link #id()} and {@link #getMessage()}.
 */
public final class ProtocolException extends Exception {

    private final ErrorCode code;
    private final String id;

    public ProtocolException(ErrorCode code, String id, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.id = id;
    }

    /** Why the frame was refused. */
    public ErrorCode code() {
        return code;
    }

    /** The command id of the frame, if it had a readable one (a string of 1 to 64 characters), else null. */
    public String id() {
        return id;
    }

    /** The {@code error} message that answers this frame. */
    public Reply.Error toReply() {
        return new Reply.Error(id, code, getMessage());
    }
}
