package org.tingsted.server.journal;

/**
 * One row of the audit log (see the {@code audit} package): a refused command, coalesced with
 * its repeats ({@code times}, from {@code atMs} to {@code lastMs}), or a staff action.
 */
public record AuditRow(String id, String kind, String assembly, long atMs, long lastMs, int times, String actor,
                       String actorRole, String stream, String action, String commandId, String target,
                       String outcome, String reason) {
}
