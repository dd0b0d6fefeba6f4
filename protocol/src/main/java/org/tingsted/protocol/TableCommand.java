package org.tingsted.protocol;

/**
 * A command on a table's stream. Each accepted command makes zero or more events on the
 * stream {@code table:<table>}.
 */
public sealed interface TableCommand extends ClientMessage
        permits ProposalCommand, ClusterCommand, VoteCommand, ModerationCommand, SpeakingCommand, SettingCommand {

    /** The table the command acts on, or null for the sender's own table. */
    String table();
}
