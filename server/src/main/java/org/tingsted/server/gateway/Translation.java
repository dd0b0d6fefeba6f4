package org.tingsted.server.gateway;

import org.tingsted.protocol.ClientMessage;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.ModerationCommand;
import org.tingsted.protocol.SettingCommand;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteParams;
import java.util.LinkedHashMap;
import java.util.List;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.Ballot;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.TimerScope;
import org.tingsted.server.deliberation.Choice;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Rejection;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.VoteMethod;

/** Between the wire's words and the model's: commands in, roles and rejections out. */
public final class Translation {

  private Translation() {
  }

  /**
   * The wire's command for each model command that the phase may hold back ({@code Phases}),
   * so that the rules the web client is given name the commands it sends.
   */
  private static final java.util.Map<Class<? extends TableCommand>, Class<? extends ClientMessage>> WIRE_TYPES = java.util.Map.of(
      TableCommand.Propose.class, ProposalCommand.Propose.class,
      TableCommand.EditProposal.class, ProposalCommand.Edit.class,
      TableCommand.WithdrawProposal.class, ProposalCommand.Withdraw.class,
      TableCommand.AddComment.class, ProposalCommand.Comment.class,
      TableCommand.CreateCluster.class, ClusterCommand.CreateCluster.class,
      TableCommand.RenameCluster.class, ClusterCommand.RenameCluster.class,
      TableCommand.MoveToCluster.class, ClusterCommand.MoveToCluster.class,
      TableCommand.MergeClusters.class, ClusterCommand.MergeClusters.class,
      TableCommand.DissolveCluster.class, ClusterCommand.DissolveCluster.class);

  /** The wire's {@code type} of the command a member sends for a model command the phase may hold back. */
  public static String wireType(Class<? extends TableCommand> model) {
    var wire = WIRE_TYPES.get(model);
    if (wire == null) {
      throw new IllegalArgumentException("no wire command is known for " + model.getSimpleName());
    }
    return ProtocolCodec.typeName(wire);
  }

  /** The dots each member has: as the vote names them, or for a dot vote that names none, the default. */
  private static int dotsPerMember(VoteCommand.OpenVote c) {
    VoteParams p = c.params();
    if (p != null && p.dotsPerMember() != null) {
      return p.dotsPerMember();
    }
    return c.method() == org.tingsted.protocol.VoteMethod.DOTS ? org.tingsted.protocol.Limits.DEFAULT_DOTS_PER_MEMBER : 0;
  }

  /** The most dots on one item: as named, or for a dot vote the default, never more than the dots a member has. */
  private static int capPerItem(VoteCommand.OpenVote c) {
    VoteParams p = c.params();
    if (p != null && p.capPerItem() != null) {
      return p.capPerItem();
    }
    return c.method() == org.tingsted.protocol.VoteMethod.DOTS
        ? Math.min(org.tingsted.protocol.Limits.DEFAULT_CAP_PER_ITEM, dotsPerMember(c)) : 0;
  }

  /** The model command that a table command from the wire asks for. */
  static TableCommand toModel(org.tingsted.protocol.TableCommand wire) {
    if (wire instanceof ProposalCommand.Propose c) {
      return new TableCommand.Propose(c.title(), c.text());
    } else if (wire instanceof ProposalCommand.Edit c) {
      return new TableCommand.EditProposal(c.proposal(), c.version(), c.title(), c.text());
    } else if (wire instanceof ProposalCommand.Withdraw c) {
      return new TableCommand.WithdrawProposal(c.proposal());
    } else if (wire instanceof ProposalCommand.Comment c) {
      return new TableCommand.AddComment(c.proposal(), CommentKind.valueOf(c.kind().name()), c.text(), c.replyTo());
    } else if (wire instanceof ClusterCommand.CreateCluster c) {
      return new TableCommand.CreateCluster(c.name(), c.proposals() == null ? List.of() : c.proposals());
    } else if (wire instanceof ClusterCommand.RenameCluster c) {
      return new TableCommand.RenameCluster(c.cluster(), c.name());
    } else if (wire instanceof ClusterCommand.MoveToCluster c) {
      return new TableCommand.MoveToCluster(c.proposal(), c.cluster());
    } else if (wire instanceof ClusterCommand.MergeClusters c) {
      return new TableCommand.MergeClusters(c.from(), c.into());
    } else if (wire instanceof ClusterCommand.DissolveCluster c) {
      return new TableCommand.DissolveCluster(c.cluster());
    } else if (wire instanceof VoteCommand.OpenVote c) {
      return new TableCommand.OpenVote(VoteMethod.valueOf(c.method().name()), c.items(),
          dotsPerMember(c), capPerItem(c));
    } else if (wire instanceof VoteCommand.CastBallot c) {
      var b = c.ballot();
      return new TableCommand.CastBallot(c.vote(), new Ballot(b.dots(), b.order(), b.scale()));
    } else if (wire instanceof VoteCommand.CloseVote c) {
      return new TableCommand.CloseVote(c.vote());
    } else if (wire instanceof ModerationCommand.Hide c) {
      return new TableCommand.HideItem(c.item(), c.reason());
    } else if (wire instanceof ModerationCommand.Restore c) {
      return new TableCommand.RestoreItem(c.item(), c.reason());
    } else if (wire instanceof VoteCommand.PublishResult c) {
      return new TableCommand.PublishResult(c.vote());
    } else if (wire instanceof SettingCommand.SetVideoLink c) {
      return new TableCommand.SetVideoLink(c.url());
    } else if (wire instanceof SpeakingCommand.RaiseHand) {
      return new TableCommand.RaiseHand();
    } else if (wire instanceof SpeakingCommand.LowerHand c) {
      return new TableCommand.LowerHand(c.member());
    } else if (wire instanceof SpeakingCommand.GiveFloor c) {
      return new TableCommand.GiveFloor(c.member(), 0);
    } else if (wire instanceof SpeakingCommand.EndTurn) {
      return new TableCommand.EndTurn(0);
    } else if (wire instanceof SpeakingCommand.ReorderQueue c) {
      return new TableCommand.ReorderQueue(c.order());
    } else if (wire instanceof SpeakingCommand.FavourLeastHeard) {
      return new TableCommand.FavourLeastHeard();
    }
    throw new IllegalArgumentException("no model command for " + wire.getClass().getSimpleName());
  }

  /**
   * The model command a plenary command from the wire asks for, except {@code promote} (which
   * needs the source's table, see {@link #source}) and {@code openFinalVote} (which needs the
   * electorate from the roster).
   */
  static SessionCommand toModel(PlenaryCommand wire, int electorate) {
    if (wire instanceof PlenaryCommand.EditDraft c) {
      return new SessionCommand.EditDraft(c.draft(), c.version(), c.title(), c.text());
    } else if (wire instanceof PlenaryCommand.MergeDrafts c) {
      return new SessionCommand.MergeDrafts(c.from(), c.into(), c.title(), c.text());
    } else if (wire instanceof PlenaryCommand.WithdrawDraft c) {
      return new SessionCommand.WithdrawDraft(c.draft(), c.reason());
    } else if (wire instanceof PlenaryCommand.OpenFinalVote c) {
      return new SessionCommand.OpenFinalVote(c.drafts(), c.threshold(), electorate);
    } else if (wire instanceof PlenaryCommand.CastFinalBallot c) {
      var choices = new LinkedHashMap<String, Choice>();
      c.choices().forEach((draft, choice) -> choices.put(draft, Choice.valueOf(choice.name())));
      return new SessionCommand.CastFinalBallot(c.vote(), choices);
    } else if (wire instanceof PlenaryCommand.CloseFinalVote c) {
      return new SessionCommand.CloseFinalVote(c.vote());
    } else if (wire instanceof PlenaryCommand.PublishReport) {
      return new SessionCommand.PublishReport();
    } else if (wire instanceof PlenaryCommand.UnpublishReport) {
      return new SessionCommand.UnpublishReport();
    }
    throw new IllegalArgumentException("no direct model command for " + wire.getClass().getSimpleName());
  }

  /**
   * The session command a control command from the wire asks for, except {@code moveMember},
   * which changes the roster first. Times are left 0: the stream's owner stamps them.
   */
  static SessionCommand toModel(ControlCommand wire) {
    if (wire instanceof ControlCommand.SetAgenda c) {
      return new SessionCommand.SetAgenda(c.items().stream().map(i -> new AgendaItem(
          PhaseKind.valueOf(i.phase().name()), i.title(), i.seconds(), Boolean.TRUE.equals(i.autoAdvance()))).toList());
    } else if (wire instanceof ControlCommand.StartAgenda) {
      return new SessionCommand.StartAgenda(0);
    } else if (wire instanceof ControlCommand.AdvancePhase) {
      return new SessionCommand.AdvancePhase(0);
    } else if (wire instanceof ControlCommand.GoBackPhase) {
      return new SessionCommand.GoBackPhase(0);
    } else if (wire instanceof ControlCommand.SetTablePhase c) {
      return new SessionCommand.SetTablePhase(c.table(), c.phase() == null ? null : PhaseKind.valueOf(c.phase().name()));
    } else if (wire instanceof ControlCommand.StartTimer c) {
      return new SessionCommand.StartTimer(TimerScope.valueOf(c.scope().name()), c.seconds(), c.label(), c.table(), 0);
    } else if (wire instanceof ControlCommand.PauseTimer c) {
      return new SessionCommand.PauseTimer(c.timer(), 0);
    } else if (wire instanceof ControlCommand.ResumeTimer c) {
      return new SessionCommand.ResumeTimer(c.timer(), 0);
    } else if (wire instanceof ControlCommand.ExtendTimer c) {
      return new SessionCommand.ExtendTimer(c.timer(), c.seconds(), 0);
    } else if (wire instanceof ControlCommand.CancelTimer c) {
      return new SessionCommand.CancelTimer(c.timer());
    } else if (wire instanceof ControlCommand.Announce c) {
      return new SessionCommand.Announce(c.text(), c.tables() == null ? List.of() : c.tables(), 0);
    }
    throw new IllegalArgumentException("no direct model command for " + wire.getClass().getSimpleName());
  }

  /**
   * The error code for a model rejection, on the wire and over HTTP alike (where its status is
   * {@link ErrorCode#httpStatus()}): the one place the model's reasons become codes.
   */
  public static ErrorCode errorCode(Rejection.Reason reason) {
    return switch (reason) {
      case FORBIDDEN -> ErrorCode.FORBIDDEN;
      case INVALID -> ErrorCode.INVALID;
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case CONFLICT -> ErrorCode.CONFLICT;
      case PHASE_CLOSED -> ErrorCode.PHASE_CLOSED;
      case TOO_LARGE -> ErrorCode.TOO_LARGE;
    };
  }

  /** The wire's name for a role. */
  static org.tingsted.protocol.Role role(Role role) {
    return org.tingsted.protocol.Role.valueOf(role.name());
  }
}
