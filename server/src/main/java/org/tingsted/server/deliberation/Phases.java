package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.PhaseKind.CLUSTER;
import static org.tingsted.server.deliberation.PhaseKind.DISCUSS;
import static org.tingsted.server.deliberation.PhaseKind.PROPOSE;
import static org.tingsted.server.deliberation.Rejection.Reason.PHASE_CLOSED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

/**
 * Which table actions the phase of the day opens to members:
 *
 * <ul>
 *   <li>proposing in the propose phase;
 *   <li>editing and withdrawing one's proposal in the propose and discuss phases;
 *   <li>commenting in the propose, discuss and cluster phases;
 *   <li>making, renaming, merging and dissolving clusters and moving proposals between them in
 *       the cluster phase;
 *   <li>everything else in any phase: a ballot is gated by its vote being open, and actions this
 *       class does not know (such as raising a hand to speak) are never held back by the phase.
 * </ul>
 *
 * <p>Facilitators act in any phase, and before the agenda starts (phase null) everything is
 * open. The check applies to everyone else alike; whether their role may act at all is the
 * table's rule ({@link Table#decide}), not this class's.
 */
public final class Phases {
  private Phases() {}

  private record Window(Class<? extends TableCommand> command, String doing, Set<PhaseKind> open) {}

  private static final List<Window> WINDOWS = List.of(
      new Window(Propose.class, "proposing", EnumSet.of(PROPOSE)),
      new Window(EditProposal.class, "editing a proposal", EnumSet.of(PROPOSE, DISCUSS)),
      new Window(WithdrawProposal.class, "withdrawing a proposal", EnumSet.of(PROPOSE, DISCUSS)),
      new Window(AddComment.class, "commenting", EnumSet.of(PROPOSE, DISCUSS, CLUSTER)),
      new Window(CreateCluster.class, "clustering", EnumSet.of(CLUSTER)),
      new Window(RenameCluster.class, "clustering", EnumSet.of(CLUSTER)),
      new Window(MoveToCluster.class, "clustering", EnumSet.of(CLUSTER)),
      new Window(MergeClusters.class, "clustering", EnumSet.of(CLUSTER)),
      new Window(DissolveCluster.class, "clustering", EnumSet.of(CLUSTER)));

  /**
   * The commands the phase holds back, in a fixed order, each with the phases that open it to
   * members: what the web client is given so that it offers only what the server would take.
   */
  public static java.util.Map<Class<? extends TableCommand>, Set<PhaseKind>> windows() {
    var windows = new java.util.LinkedHashMap<Class<? extends TableCommand>, Set<PhaseKind>>();
    for (Window window : WINDOWS) {
      windows.put(window.command(), java.util.Collections.unmodifiableSet(EnumSet.copyOf(window.open())));
    }
    return java.util.Collections.unmodifiableMap(windows);
  }

  /**
   * Why {@code role} may not give {@code command} in {@code phase}, or null when it may (and
   * when any of the three is missing: the table's own rules answer that).
   */
  public static Rejection check(PhaseKind phase, TableCommand command, Role role) {
    if (phase == null || command == null || role == null || role.facilitates()) {
      return null;
    }
    for (Window window : WINDOWS) {
      if (window.command().isInstance(command)) {
        return window.open().contains(phase) ? null : new Rejection(PHASE_CLOSED,
            window.doing() + " is open in the " + phases(window.open()) + "; now is the "
                + phase.word() + " phase");
      }
    }
    return null;
  }

  /** "propose phase", "propose and discuss phases", "propose, discuss and cluster phases". */
  private static String phases(Set<PhaseKind> open) {
    List<String> words = new ArrayList<>();
    for (PhaseKind kind : open) {
      words.add(kind.word());
    }
    if (words.size() == 1) {
      return words.get(0) + " phase";
    }
    String last = words.remove(words.size() - 1);
    return String.join(", ", words) + " and " + last + " phases";
  }
}
