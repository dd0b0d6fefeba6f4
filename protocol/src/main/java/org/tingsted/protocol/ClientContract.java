package org.tingsted.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The part of the contract the web client mirrors, written as the JavaScript module it imports
 * ({@code web-client/.../js/contract.js}): the length limits and the event kinds, taken from
 * {@link Protocol} and {@link EventKind}, so that the client never holds a hand-copied table.
 * {@code ClientContractTest} fails when the committed module is not exactly this text, and says
 * how to write it again.
 */
public final class ClientContract {

    private ClientContract() {
    }

    /** The limits, in characters (code points), under the names the web client uses. */
    public static Map<String, Integer> limits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("title", Protocol.MAX_TITLE_LENGTH);
        limits.put("text", Protocol.MAX_PROPOSAL_TEXT_LENGTH);
        limits.put("commentText", Protocol.MAX_COMMENT_LENGTH);
        limits.put("clusterName", Protocol.MAX_CLUSTER_NAME_LENGTH);
        limits.put("reason", Protocol.MAX_REASON_LENGTH);
        limits.put("announcement", Protocol.MAX_ANNOUNCEMENT_LENGTH);
        limits.put("url", Protocol.MAX_VIDEO_LINK_LENGTH);
        limits.put("agendaTitle", Protocol.MAX_AGENDA_TITLE_LENGTH);
        limits.put("timerLabel", Protocol.MAX_TIMER_LABEL_LENGTH);
        return limits;
    }

    /** The text of contract.js. */
    public static String javascriptModule() {
        StringJoiner limits = new StringJoiner(",\n", "", "\n");
        limits().forEach((name, limit) -> limits.add("  " + name + ": " + limit));
        StringJoiner kinds = new StringJoiner(",\n", "", "\n");
        for (EventKind kind : EventKind.values()) {
            kinds.add("  '" + kind.wire() + "'");
        }
        return "// @ts-check\n"
                + "// Written from the protocol module (org.tingsted.protocol.ClientContract): do not edit.\n"
                + "// ClientContractTest fails when this differs and prints what to write here.\n\n"
                + "/** Texts a person writes, and their limits in characters (code points). */\n"
                + "export const LIMITS = Object.freeze({\n" + limits + "});\n\n"
                + "/** Every event kind the server sends, by its wire name. */\n"
                + "export const EVENT_KINDS = Object.freeze([\n" + kinds + "]);\n";
    }
}
