package org.tingsted.protocol;

/** Constants of the Tingsted wire protocol, version 1. See {@code docs/protocol.md}. */
public final class Protocol {

    /** The WebSocket sub-protocol a client must ask for; any other is refused at the upgrade. */
    public static final String SUBPROTOCOL = "tingsted.v1";
    /** The protocol version reported in {@code welcome}. */
    public static final int VERSION = 1;
    /**
     * The largest message, in bytes of UTF-8 and counted whole across its fragments, that the
     * server reads as a command; a larger one, up to {@link #MAX_MESSAGE_BYTES}, is answered
     * with {@code error} {@code too_large}.
     */
    public static final int MAX_FRAME_BYTES = 65536;
    /**
     * The largest message, counted whole across its fragments, that the server takes off the
     * wire at all (1 MiB); at the first byte beyond it the connection is closed with
     * {@link #CLOSE_TOO_BIG}.
     */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** The deepest nesting of arrays and objects a message may have; deeper is {@code invalid}. */
    public static final int MAX_JSON_DEPTH = 1000;
    /** The most digits one JSON number in a message may have; more is {@code invalid}. */
    public static final int MAX_JSON_NUMBER_DIGITS = 1000;
    /** Seconds a new connection has to send {@code hello} before it is closed with {@link #CLOSE_HELLO_TIMEOUT}. */
    public static final int HELLO_TIMEOUT_SECONDS = 10;

    /** Longest client command id and longest reference to a proposal, comment, cluster, vote, draft, table or stream, in characters. */
    public static final int MAX_ID_LENGTH = 64;
    /** Events in a {@code history} page when the client names no {@code limit}. */
    public static final int HISTORY_PAGE_DEFAULT = 100;
    /** The most events one {@code history} page holds. */
    public static final int HISTORY_PAGE_MAX = 500;
    /** Longest join token, in characters. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    /** The longest timer, and the longest planned length of an agenda item, in seconds: one day. */
    public static final int MAX_TIMER_SECONDS = 86_400;
    /** The shortest time, in ms, between two {@code console} messages to the lead facilitator. */
    public static final int CONSOLE_INTERVAL_MILLIS = 250;
    /**
     * How far apart, in ms, the countdowns of two screens may be when both follow the clock
     * exchange described in {@code docs/protocol.md}: a quarter second.
     */
    public static final int COUNTDOWN_TOLERANCE_MILLIS = 250;

    /** Lowest point on the agreement scale of a {@code scale} vote. */
    public static final int SCALE_MIN = 1;
    /** Highest point on the agreement scale of a {@code scale} vote. */
    public static final int SCALE_MAX = 5;

    /** Close code: the server is going away (shutdown, node drain); reconnect, to another node if known. */
    public static final int CLOSE_GOING_AWAY = 1001;
    /** Close code: a frame that breaks RFC 6455 (unmasked, reserved bits set, a stray continuation). */
    public static final int CLOSE_WEBSOCKET_ERROR = 1002;
    /** Close code: a text message that is not valid UTF-8. */
    public static final int CLOSE_INVALID_TEXT = 1007;
    /** Close code: a message larger than {@link #MAX_MESSAGE_BYTES}, counted whole across its fragments. */
    public static final int CLOSE_TOO_BIG = 1009;
    /** Close code: protocol violation (bad handshake, binary frame, {@code hello} not first). */
    public static final int CLOSE_PROTOCOL_VIOLATION = 4400;
    /** Close code: the credential is missing or not valid. */
    public static final int CLOSE_UNAUTHORIZED = 4401;
    /** Close code: the member was removed or may no longer connect. */
    public static final int CLOSE_FORBIDDEN = 4403;
    /**
     * Close code: the member opened more connections at once than a server takes (four on each
     * node); this one, their oldest, was closed. The app does not reconnect by itself: it says
     * the person is connected on another screen and offers to continue here.
     */
    public static final int CLOSE_REPLACED = 4409;
    /**
     * Close code: the member's link was revoked (a lost card) and a new one issued: the session
     * credential in {@code hello}, or of a connection that was open, belongs to the old link.
     * The app does not reconnect: it says the link no longer works and to ask the facilitator.
     */
    public static final int CLOSE_REVOKED = 4410;
    /**
     * Close code: the session credential in {@code hello} has expired. The app does not
     * reconnect: the person opens the link on their card again, which starts a new session.
     */
    public static final int CLOSE_EXPIRED = 4440;
    /** Close code: no {@code hello} within {@link #HELLO_TIMEOUT_SECONDS}. */
    public static final int CLOSE_HELLO_TIMEOUT = 4408;
    /** Close code: too many messages, or too slow to read the outgoing messages. */
    public static final int CLOSE_TOO_MANY = 4429;

    private Protocol() {
    }
}
