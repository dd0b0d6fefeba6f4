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
        limits.put("title", Limits.TITLE);
        limits.put("text", Limits.PROPOSAL_TEXT);
        limits.put("commentText", Limits.COMMENT);
        limits.put("clusterName", Limits.CLUSTER_NAME);
        limits.put("reason", Limits.REASON);
        limits.put("announcement", Limits.ANNOUNCEMENT);
        limits.put("url", Limits.VIDEO_LINK);
        limits.put("agendaTitle", Limits.AGENDA_TITLE);
        limits.put("timerLabel", Limits.TIMER_LABEL);
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
