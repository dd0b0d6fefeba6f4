package org.tingsted.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.tingsted.protocol.EventKind;
import org.tingsted.protocol.Limits;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.StreamId;
import org.tingsted.server.deliberation.Phases;
import org.tingsted.server.gateway.Translation;

/**
 * The part of the contract the web client mirrors, written as the JavaScript module it imports
 * ({@code web-client/.../js/contract.js}): the limits ({@link Limits}), the scale of a scale vote,
 * the event kinds ({@link EventKind}), the names of streams ({@link StreamId}) and the phases
 * that open each member command ({@link Phases}, named by the commands the client sends), so
 * that the client never holds a hand-copied table. {@code ClientContractTest} fails when the
 * committed module is not exactly this text, and says how to write it again.
 */
public final class ClientContract {

  private ClientContract() {
  }

  /** The limits under the names the web client uses: texts in characters (code points), then a vote's. */
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
    limits.put("voteItems", Limits.VOTE_ITEMS);
    limits.put("dotsPerMember", Limits.DOTS_PER_MEMBER);
    limits.put("defaultDotsPerMember", Limits.DEFAULT_DOTS_PER_MEMBER);
    limits.put("defaultCapPerItem", Limits.DEFAULT_CAP_PER_ITEM);
    return limits;
  }

  /** Each member command the phase may hold back, by its wire type, with the phases that open it. */
  public static Map<String, java.util.List<String>> phaseWindows() {
    Map<String, java.util.List<String>> windows = new LinkedHashMap<>();
    Phases.windows().forEach((command, open) -> windows.put(Translation.wireType(command),
        open.stream().map(p -> org.tingsted.protocol.PhaseKind.valueOf(p.name()).wireName()).toList()));
    return windows;
  }

  /** The text of contract.js. */
  public static String javascriptModule() {
    StringJoiner limits = new StringJoiner(",\n", "", "\n");
    limits().forEach((name, limit) -> limits.add("  " + name + ": " + limit));
    StringJoiner kinds = new StringJoiner(",\n", "", "\n");
    for (EventKind kind : EventKind.values()) {
      kinds.add("  '" + kind.wire() + "'");
    }
    StringJoiner streams = new StringJoiner(",\n", "", "\n");
    for (StreamId.Kind kind : StreamId.Kind.values()) {
      streams.add("  " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": '" + kind.prefix() + "'");
    }
    StringJoiner windows = new StringJoiner(",\n", "", "\n");
    phaseWindows().forEach((command, open) -> windows.add("  " + command + ": "
        + open.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"))));
    return "// @ts-check\n"
        + "// Written from the server (org.tingsted.server.ClientContract): do not edit.\n"
        + "// ClientContractTest fails when this differs and prints what to write here.\n\n"
        + "/** Texts a person writes with their limits in characters (code points), and the limits of a vote. */\n"
        + "export const LIMITS = Object.freeze({\n" + limits + "});\n\n"
        + "/** The points of the agreement scale of a scale vote. */\n"
        + "export const SCALE = Object.freeze({ min: " + Protocol.SCALE_MIN + ", max: " + Protocol.SCALE_MAX + " });\n\n"
        + "/** Every event kind the server sends, by its wire name. */\n"
        + "export const EVENT_KINDS = Object.freeze([\n" + kinds + "]);\n\n"
        + "/** What the name of each kind of stream starts with: `table:<table>`, `session:<session>`. */\n"
        + "export const STREAM_PREFIXES = Object.freeze({\n" + streams + "});\n\n"
        + "/** Member commands the phase holds back, and the phases that open them (the server's Phases). */\n"
        + "export const PHASE_WINDOWS = Object.freeze({\n" + windows + "});\n";
  }
}
