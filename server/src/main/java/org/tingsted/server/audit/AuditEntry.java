package org.tingsted.server.audit;

/**
 * One entry of the audit log.
 *
 * @param kind      {@code refusal} (a command the server refused) or {@code staff} (an action
 *                  through the admin API)
 * @param assembly  the assembly it concerns, or null when none is known (a stranger's refusal,
 *                  an action on no assembly)
 * @param at        when it first happened, ms since the epoch
 * @param last      when it last happened: a refusal repeated within the same minute is one
 *                  entry, counted in {@code times}
 * @param actor     who: a person's id, a staff actor ({@code admin-token} for the shared admin
 *                  token), or {@code anonymous} before anyone was identified
 * @param role      the person's role, or {@code staff}
 * @param stream    the stream the command was for, or null
 * @param action    what: the command's type ({@code propose}), or the admin call's method and
 *                  route ({@code POST /assemblies/:assembly/members})
 * @param commandId the client's command id of the first refusal, or null
 * @param target    what an admin call acted on ({@code assembly=a1 member=m2}), or null
 * @param outcome   the error code of a refusal; the HTTP status (and code) of an admin call
 * @param reason    the server's message of a refusal (never the command's content)
 */
public record AuditEntry(String id, String kind, String assembly, long at, long last, int times, String actor,
                         String role, String stream, String action, String commandId, String target,
                         String outcome, String reason) {

  /** Refused commands. */
  public static final String REFUSAL = "refusal";
  /** Staff actions. */
  public static final String STAFF = "staff";
}
