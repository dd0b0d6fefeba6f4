package org.tingsted.protocol;

import java.util.Optional;

/**
 * Which stream: a table's board ({@code table:<table>}) or a session's ({@code session:<session>}).
 * The one definition of a stream's name: the wire ({@code event}, {@code snapshot}, the keys of
 * {@code resume}, {@code history}), the journal's rows and the web client ({@code contract.js})
 * all write a stream as {@link #name()}, and every name read from outside goes through
 * {@link #parse}.
 */
public record StreamId(Kind kind, String id) {

    /** The kinds of stream, each with the prefix of its streams' names. */
    public enum Kind {
        /** A table's board: its proposals, comments, clusters, votes and speaking queue. */
        TABLE("table:"),
        /** A session day's own stream: the plenary, the agenda, the phases and the timers. */
        SESSION("session:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** What every name of this kind starts with, e.g. {@code table:}. */
        public String prefix() {
            return prefix;
        }
    }

    public StreamId {
        if (kind == null) {
            throw new IllegalArgumentException("a stream needs a kind");
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " stream needs an id");
        }
    }

    /** The stream of a table's board. */
    public static StreamId table(String table) {
        return new StreamId(Kind.TABLE, table);
    }

    /** The stream of a session day. */
    public static StreamId session(String session) {
        return new StreamId(Kind.SESSION, session);
    }

    /** The stream a name names, or empty when it names none (no known kind, or no id). */
    public static Optional<StreamId> parse(String name) {
        if (name != null) {
            for (Kind kind : Kind.values()) {
                if (name.startsWith(kind.prefix) && name.length() > kind.prefix.length()) {
                    return Optional.of(new StreamId(kind, name.substring(kind.prefix.length())));
                }
            }
        }
        return Optional.empty();
    }

    /** The stream a name names; for names the server made itself, which cannot be wrong. */
    public static StreamId of(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not the name of a stream"));
    }

    public boolean isTable() {
        return kind == Kind.TABLE;
    }

    /** The stream's name, e.g. {@code table:t4}. */
    public String name() {
        return kind.prefix + id;
    }

    @Override
    public String toString() {
        return name();
    }
}
