package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message from the server to a client: either a {@link Reply} to one client message, carrying
 * its id, or a {@link Push} that the server sends on its own.
 *
 * <p>Jackson 2 does not read {@code permits}, so every record is also listed in
 * {@link JsonSubTypes} below; a test keeps the two in step.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Reply.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = Reply.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = Reply.Error.class, name = "error"),
    @JsonSubTypes.Type(value = Reply.Clock.class, name = "clock"),
    @JsonSubTypes.Type(value = Reply.History.class, name = "history"),
    @JsonSubTypes.Type(value = Push.Event.class, name = "event"),
    @JsonSubTypes.Type(value = Push.Snapshot.class, name = "snapshot"),
    @JsonSubTypes.Type(value = Push.Presence.class, name = "presence"),
    @JsonSubTypes.Type(value = Push.Console.class, name = "console"),
})
public sealed interface ServerMessage permits Reply, Push {
}
