package org.tingsted.server.gateway;

import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.ModerationCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.deliberation.Ballot;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Rejection;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.VoteMethod;

/** Between the wire's words and the model's: commands in, roles and rejections out. */
final class Translation {

  private Translation() {
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
      return new TableCommand.CreateCluster(c.name(), c.proposals());
    } else if (wire instanceof ClusterCommand.RenameCluster c) {
      return new TableCommand.RenameCluster(c.cluster(), c.name());
    } else if (wire instanceof ClusterCommand.MoveToCluster c) {
      return new TableCommand.MoveToCluster(c.proposal(), c.cluster());
    } else if (wire instanceof ClusterCommand.MergeClusters c) {
      return new TableCommand.MergeClusters(c.from(), c.into());
    } else if (wire instanceof ClusterCommand.DissolveCluster c) {
      return new TableCommand.DissolveCluster(c.cluster());
    } else if (wire instanceof VoteCommand.OpenVote c) {
      VoteParams p = c.params();
      return new TableCommand.OpenVote(VoteMethod.valueOf(c.method().name()), c.items(),
          p == null || p.dotsPerMember() == null ? 0 : p.dotsPerMember(),
          p == null || p.capPerItem() == null ? 0 : p.capPerItem());
    } else if (wire instanceof VoteCommand.CastBallot c) {
      var b = c.ballot();
      return new TableCommand.CastBallot(c.vote(), new Ballot(b.dots(), b.order(), b.scale()));
    } else if (wire instanceof VoteCommand.CloseVote c) {
      return new TableCommand.CloseVote(c.vote());
    } else if (wire instanceof ModerationCommand.Hide c) {
      return new TableCommand.HideItem(c.item(), c.reason());
    } else if (wire instanceof ModerationCommand.Restore c) {
      return new TableCommand.RestoreItem(c.item(), c.reason());
    }
    throw new IllegalArgumentException("no model command for " + wire.getClass().getSimpleName());
  }

  /** The wire's error code for a model rejection. */
  static ErrorCode errorCode(Rejection.Reason reason) {
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
