package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.LiveAssembly.await;

import io.vertx.core.Vertx;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Reply;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.journal.JournalSettings;
import org.tingsted.server.journal.TestDatabases;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/**
 * Two nodes that both believe they own a table, as the two sides of a split cluster do: here
 * two single-node clusters on one PostgreSQL journal. The journal's unique (stream, seq) key
 * decides; the loser reloads the table from the journal and decides again.
 */
@DisplayName("Two owners of one table on one journal")
class JournalArbiterTest {

  @Test
  @DisplayName("cannot both append: every command lands once, in one order, and the side that lost the race reloads and goes on")
  void theJournalDecides() throws Exception {
    JournalSettings journal = TestDatabases.postgres();
    Vertx clients = Vertx.vertx();
    TingstedNode left = null;
    TingstedNode right = null;
    try {
      left = await(TingstedNode.start(Settings.forTest("left-" + UUID.randomUUID()).withJournal(journal)));
      Roster roster = left.roster();
      Assembly created = await(roster.create("Split", "How?", List.of(new Roster.NewSession("Day", null, List.of("Table 1")))));
      String table = created.sessions().get(0).tables().get(0).id();
      Member anna = await(roster.addMember(created.id(), "Anna", Role.MEMBER, null, table));
      Member bo = await(roster.addMember(created.id(), "Bo", Role.MEMBER, null, table));
      // The other side starts on the same journal: it reads the roster and the key from there.
      right = await(TingstedNode.start(Settings.forTest("right-" + UUID.randomUUID()).withJournal(journal)));

      TableClient onLeft = TableClient.join(clients, left.port(), LiveAssembly.sessionOf(left, created.id(), anna.id()));
      TableClient onRight = TableClient.join(clients, right.port(), LiveAssembly.sessionOf(right, created.id(), bo.id()));
      var acks = new ArrayList<Long>();
      var ids = new ArrayList<String>();
      for (int round = 0; round < 10; round++) {
        for (TableClient side : List.of(onLeft, onRight)) {
          String id = TableClient.id();
          ids.add(id);
          Reply reply = side.call(new ProposalCommand.Propose(id, null, "Idea " + id, "Text"));
          acks.add(TableClient.ack(reply).seq());
        }
      }
      assertThat(acks).as("each side's command comes after the other's: the loser reloaded before deciding")
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());

      var rows = new ArrayList<String>();
      try (var c = DriverManager.getConnection(journal.url(), journal.user(), journal.password());
           var ps = c.prepareStatement("SELECT seq, command_id FROM " + journal.schema()
               + ".events WHERE stream = ? ORDER BY seq")) {
        ps.setString(1, "table:" + table);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            assertThat(rs.getLong(1)).isEqualTo(rows.size() + 1);
            rows.add(rs.getString(2));
          }
        }
      }
      assertThat(rows).as("the journal: each command once, in the order acknowledged").containsExactlyElementsOf(ids);
    } finally {
      await(clients.close());
      if (left != null) {
        await(left.close());
      }
      if (right != null) {
        await(right.close());
      }
      TestDatabases.drop(journal);
    }
  }
}
