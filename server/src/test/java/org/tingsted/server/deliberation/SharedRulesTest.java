package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.RaiseHand;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

/**
 * The rules the member app checks before it sends (web-client js/rules.js) are the server's: both
 * answer the cases in protocol/src/test/resources/rules/ as written (the web client's side is
 * web-client/src/test/js/rules.test.mjs).
 */
@DisplayName("The shared cases of the phase windows and ballot rules")
class SharedRulesTest {

  private static final Path RULES = Path.of("..", "protocol", "src", "test", "resources", "rules");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("Every ballot case is taken or refused by the server as written")
  void ballots() throws IOException {
    JsonNode file = JSON.readTree(Files.readString(RULES.resolve("ballots.json")));
    int cases = 0;
    for (JsonNode c : file.get("cases")) {
      JsonNode v = file.get("votes").get(c.get("vote").asText());
      List<String> items = new ArrayList<>();
      v.get("items").forEach(i -> items.add(i.asText()));
      Vote vote = new Vote("v1", VoteMethod.valueOf(v.get("method").asText().toUpperCase(Locale.ROOT)), items,
          v.path("dotsPerMember").asInt(0), v.path("capPerItem").asInt(0), VoteStatus.OPEN, Map.of(), 0, null, false);
      JsonNode b = c.get("ballot");
      Ballot ballot = new Ballot(
          b.has("dots") ? numbers(b.get("dots")) : null,
          b.has("order") ? texts(b.get("order")) : null,
          b.has("scale") ? numbers(b.get("scale")) : null);
      String problem = BallotRules.check(vote, ballot);
      assertThat(problem == null).as(c.toString() + " → " + problem).isEqualTo(c.get("ok").asBoolean());
      cases++;
    }
    assertThat(cases).isGreaterThanOrEqualTo(20);
  }

  @Test
  @DisplayName("Every member command opens in exactly the phases the shared table says, for members and observers alike")
  void phases() throws IOException {
    JsonNode file = JSON.readTree(Files.readString(RULES.resolve("phases.json")));
    Map<String, TableCommand> commands = new LinkedHashMap<>();
    commands.put("propose", new Propose("T", "X"));
    commands.put("edit", new EditProposal("p1", 1, "T", null));
    commands.put("withdraw", new WithdrawProposal("p1"));
    commands.put("comment", new AddComment("p1", CommentKind.SUPPORT, "Yes", null));
    commands.put("createCluster", new CreateCluster("Green", List.of()));
    commands.put("renameCluster", new RenameCluster("k1", "Green"));
    commands.put("moveToCluster", new MoveToCluster("p1", "k1"));
    commands.put("mergeClusters", new MergeClusters("k1", "k2"));
    commands.put("dissolveCluster", new DissolveCluster("k1"));
    commands.put("raiseHand", new RaiseHand());
    assertThat(iterable(file.get("open").fieldNames())).containsExactlyInAnyOrderElementsOf(commands.keySet());
    for (Map.Entry<String, TableCommand> e : commands.entrySet()) {
      List<String> open = texts(file.get("open").get(e.getKey()));
      for (PhaseKind phase : PhaseKind.values()) {
        String word = phase.name().toLowerCase(Locale.ROOT);
        for (Role role : List.of(Role.MEMBER, Role.OBSERVER)) {
          assertThat(Phases.check(phase, e.getValue(), role) == null)
              .as(e.getKey() + " by " + role + " in " + word).isEqualTo(open.contains(word));
        }
        assertThat(Phases.check(phase, e.getValue(), Role.FACILITATOR)).isNull();
      }
    }
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  private static Map<String, Integer> numbers(JsonNode node) {
    Map<String, Integer> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
    return out;
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
