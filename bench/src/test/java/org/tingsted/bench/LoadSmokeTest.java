package org.tingsted.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;

/**
 * A short run of the load generator against a real node in this process, through the real
 * admin API (bootstrap, staff login, assembly, members, join links, {@code POST /session}) and
 * the real protocol: 10 tables of 8 members for 3 s at 240 commands a second (3 a second per member, 9 each). Correctness, not speed: every command is
 * acknowledged, every member of a table receives every event of its table once and in order,
 * and nothing is refused.
 */
class LoadSmokeTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tenTablesOfEightLoseNothing() throws Exception {
    TingstedNode node = TingstedNode.start(Settings.forTest("bench-smoke-" + System.nanoTime()))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      var options = new Load.Options("tingsted", "http://127.0.0.1:" + node.port(), node.adminToken(), 10, 240, 3, null);
      Load.Result result = Load.run(options);
      System.out.println(Load.Result.markdownHeader());
      System.out.println(result.markdownRow());
      System.out.println(result.machineLine());

      assertEquals(80, result.members());
      assertEquals(720, result.sent());
      assertEquals(Map.of(), result.errors(), "errors by code");
      assertEquals(0, result.unanswered(), "commands never answered");
      assertEquals(result.sent(), result.acked(), "every command acknowledged");
      assertEquals(0, result.noEvent(), "every command made an event");
      assertEquals(0, result.gaps(), "seq gaps at members");
      assertEquals(0, result.duplicates(), "events received twice");
      assertEquals(0, result.lostDeliveries(), "acked events that did not reach every member of the table");
      assertEquals(0, result.incomplete(), "commands whose event did not reach the whole table");
      assertEquals(0, result.unattributed(), "events no ack named");
      // One delivery per member of the table per command: 8 per command.
      assertEquals(result.sent() * Load.SEATS, result.deliveries());
      assertEquals(result.sent() * Load.SEATS, result.delivery().getTotalCount());
      assertEquals(result.sent(), result.ack().getTotalCount());
      // The mix reached beyond proposals: comments on them, clusters and moves.
      assertTrue(result.mix().getOrDefault("comment", 0L) > 0, "comments in " + result.mix());
      assertTrue(result.mix().getOrDefault("moveToCluster", 0L) > 0, "moves in " + result.mix());
      assertTrue(result.mix().getOrDefault("createCluster", 0L) > 0, "clusters in " + result.mix());
      assertTrue(result.clean());
      assertTrue(result.machineLine().contains("\"clean\":true"), result.machineLine());
    } finally {
      node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
