package org.tingsted.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages about the connection itself rather than a stream: they make no events. */
public sealed interface ConnectionCommand extends ClientMessage {

    /**
     * The first message on every connection. {@code resume} maps each stream the client has
     * seen to the last seq it applied; absent on a first connect.
     */
    record Hello(String id, String token, Device device, Map<String, Long> resume) implements ConnectionCommand {

        public Hello {
            Require.id("id", id);
            Require.present("token", token);
            if (token.length() > Protocol.MAX_TOKEN_LENGTH) {
                throw new InvalidField(ErrorCode.TOO_LARGE, "token",
                        "must be at most " + Protocol.MAX_TOKEN_LENGTH + " characters");
            }
            if (token.isBlank()) {
                throw new InvalidField(ErrorCode.INVALID, "token", "must not be blank");
            }
            device = device == null ? Device.ROOM : device;
            if (resume != null) {
                Map<String, Long> copy = new LinkedHashMap<>();
                resume.forEach((stream, seq) -> {
                    Require.id("resume key", stream);
                    Require.atLeast("resume." + stream, Require.present("resume." + stream, seq), 0L);
                    copy.put(stream, seq);
                });
                resume = Collections.unmodifiableMap(copy);
            }
        }
    }

    /** Asks for the server's time, to estimate the clock offset. Answered by {@link Reply.Clock}. */
    record Clock(String id, long clientTime) implements ConnectionCommand {

        public Clock {
            Require.id("id", id);
        }
    }
}
