package org.tingsted.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Set;
import org.tingsted.protocol.StreamId;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.PersonalData;
import org.tingsted.server.streams.ModelJson;
import org.tingsted.server.streams.StreamEvent;
import org.tingsted.server.streams.Streams;

/**
 * Everything an assembly holds about one person, for the GDPR's right of access: their roster
 * entry, their personal data, and every event of theirs in the assembly's streams (what they
 * proposed and edited, commented, voted, and everything else their commands did, and what
 * others did about them: {@code about}), read page by page from the journal.
 */
final class MemberExport {

  private static final int PAGE = 1000;
  private static final Set<String> PROPOSALS = Set.of("proposed", "proposalEdited", "proposalWithdrawn");
  private static final Set<String> COMMENTS = Set.of("commented");
  private static final Set<String> BALLOTS = Set.of("ballotCast", "finalBallotCast");

  private final Streams streams;

  MemberExport(Streams streams) {
    this.streams = streams;
  }

  Future<ObjectNode> of(Assembly assembly, Member member, PersonalData personal) {
    var mapper = ModelJson.mapper();
    ObjectNode export = mapper.createObjectNode();
    export.put("assembly", assembly.id());
    export.put("assemblyName", assembly.name());
    export.put("exportedAt", Instant.now().toString());
    export.set("member", mapper.valueToTree(member));
    export.set("personal", personal == null ? null : mapper.valueToTree(personal));
    ObjectNode contributions = export.putObject("contributions");
    ArrayNode proposals = contributions.putArray("proposals");
    ArrayNode comments = contributions.putArray("comments");
    ArrayNode ballots = contributions.putArray("ballots");
    ArrayNode other = contributions.putArray("other");
    // What others did to or about them: the floor given, a hand lowered, a move to another table.
    ArrayNode about = export.putArray("about");
    Future<Void> done = Future.succeededFuture();
    for (StreamId stream : assembly.streams()) {
      done = done.compose(v -> page(stream, 1, member.id(), event -> {
        String kind = ModelJson.kindOf(event.event());
        ArrayNode into = !member.id().equals(event.by()) ? about : PROPOSALS.contains(kind) ? proposals
            : COMMENTS.contains(kind) ? comments : BALLOTS.contains(kind) ? ballots : other;
        ObjectNode line = into.addObject();
        line.put("stream", event.stream());
        line.put("seq", event.seq());
        line.put("at", event.at());
        line.put("time", Instant.ofEpochMilli(event.at()).toString());
        line.put("kind", kind);
        line.set("data", ModelJson.dataOf(event.event()));
      }));
    }
    return done.map(v -> export);
  }

  /** Whether an event of someone else's names the person as the one it was about. */
  private static boolean names(StreamEvent e, String member) {
    var data = ModelJson.dataOf(e.event());
    return member.equals(data.path("member").asText(null)) || member.equals(data.path("voter").asText(null));
  }

  private Future<Void> page(StreamId stream, long from, String member, java.util.function.Consumer<StreamEvent> found) {
    return streams.history(stream, from, PAGE).compose(page -> {
      page.events().stream().filter(e -> member.equals(e.by()) || names(e, member)).forEach(found);
      return page.next() == null ? Future.succeededFuture() : page(stream, page.next(), member, found);
    });
  }
}
