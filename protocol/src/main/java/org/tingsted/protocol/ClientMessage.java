package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message from a client to the server. The wire {@code type} names the record; the
 * {@code id} is chosen by the client, unique per member, and reused when a command is retried.
 * The server answers every client message with exactly one reply carrying the same id.
 *
 * <p>Jackson 2 does not read {@code permits}, so every record is also listed in
 * {@link JsonSubTypes} below; a test keeps the two in step.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConnectionCommand.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ConnectionCommand.Clock.class, name = "clock"),
    @JsonSubTypes.Type(value = ConnectionCommand.History.class, name = "history"),
    @JsonSubTypes.Type(value = ProposalCommand.Propose.class, name = "propose"),
    @JsonSubTypes.Type(value = ProposalCommand.Edit.class, name = "edit"),
    @JsonSubTypes.Type(value = ProposalCommand.Withdraw.class, name = "withdraw"),
    @JsonSubTypes.Type(value = ProposalCommand.Comment.class, name = "comment"),
    @JsonSubTypes.Type(value = ClusterCommand.CreateCluster.class, name = "createCluster"),
    @JsonSubTypes.Type(value = ClusterCommand.RenameCluster.class, name = "renameCluster"),
    @JsonSubTypes.Type(value = ClusterCommand.MoveToCluster.class, name = "moveToCluster"),
    @JsonSubTypes.Type(value = ClusterCommand.MergeClusters.class, name = "mergeClusters"),
    @JsonSubTypes.Type(value = ClusterCommand.DissolveCluster.class, name = "dissolveCluster"),
    @JsonSubTypes.Type(value = VoteCommand.OpenVote.class, name = "openVote"),
    @JsonSubTypes.Type(value = VoteCommand.CastBallot.class, name = "castBallot"),
    @JsonSubTypes.Type(value = VoteCommand.CloseVote.class, name = "closeVote"),
    @JsonSubTypes.Type(value = VoteCommand.PublishResult.class, name = "publishResult"),
    @JsonSubTypes.Type(value = ModerationCommand.Hide.class, name = "hide"),
    @JsonSubTypes.Type(value = ModerationCommand.Restore.class, name = "restore"),
    @JsonSubTypes.Type(value = SettingCommand.SetVideoLink.class, name = "setVideoLink"),
    @JsonSubTypes.Type(value = SpeakingCommand.RaiseHand.class, name = "raiseHand"),
    @JsonSubTypes.Type(value = SpeakingCommand.LowerHand.class, name = "lowerHand"),
    @JsonSubTypes.Type(value = SpeakingCommand.GiveFloor.class, name = "giveFloor"),
    @JsonSubTypes.Type(value = SpeakingCommand.EndTurn.class, name = "endTurn"),
    @JsonSubTypes.Type(value = SpeakingCommand.ReorderQueue.class, name = "reorderQueue"),
    @JsonSubTypes.Type(value = SpeakingCommand.FavourLeastHeard.class, name = "favourLeastHeard"),
    @JsonSubTypes.Type(value = PlenaryCommand.Promote.class, name = "promote"),
    @JsonSubTypes.Type(value = PlenaryCommand.EditDraft.class, name = "editDraft"),
    @JsonSubTypes.Type(value = PlenaryCommand.MergeDrafts.class, name = "mergeDrafts"),
    @JsonSubTypes.Type(value = PlenaryCommand.WithdrawDraft.class, name = "withdrawDraft"),
    @JsonSubTypes.Type(value = PlenaryCommand.OpenFinalVote.class, name = "openFinalVote"),
    @JsonSubTypes.Type(value = PlenaryCommand.CastFinalBallot.class, name = "castFinalBallot"),
    @JsonSubTypes.Type(value = PlenaryCommand.CloseFinalVote.class, name = "closeFinalVote"),
    @JsonSubTypes.Type(value = PlenaryCommand.PublishReport.class, name = "publishReport"),
    @JsonSubTypes.Type(value = PlenaryCommand.UnpublishReport.class, name = "unpublishReport"),
    @JsonSubTypes.Type(value = ControlCommand.SetAgenda.class, name = "setAgenda"),
    @JsonSubTypes.Type(value = ControlCommand.StartAgenda.class, name = "startAgenda"),
    @JsonSubTypes.Type(value = ControlCommand.AdvancePhase.class, name = "advancePhase"),
    @JsonSubTypes.Type(value = ControlCommand.GoBackPhase.class, name = "goBackPhase"),
    @JsonSubTypes.Type(value = ControlCommand.SetTablePhase.class, name = "setTablePhase"),
    @JsonSubTypes.Type(value = ControlCommand.StartTimer.class, name = "startTimer"),
    @JsonSubTypes.Type(value = ControlCommand.PauseTimer.class, name = "pauseTimer"),
    @JsonSubTypes.Type(value = ControlCommand.ResumeTimer.class, name = "resumeTimer"),
    @JsonSubTypes.Type(value = ControlCommand.CancelTimer.class, name = "cancelTimer"),
    @JsonSubTypes.Type(value = ControlCommand.ExtendTimer.class, name = "extendTimer"),
    @JsonSubTypes.Type(value = ControlCommand.Announce.class, name = "announce"),
    @JsonSubTypes.Type(value = ControlCommand.MoveMember.class, name = "moveMember"),
})
public sealed interface ClientMessage permits ConnectionCommand, TableCommand, PlenaryCommand, ControlCommand {

    /** The client's command id: 1 to {@value Protocol#MAX_ID_LENGTH} characters. */
    String id();
}
