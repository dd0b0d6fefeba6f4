package org.tingsted.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The generator's peer targets against {@link ContractPeer}: plain WebSocket and Engine.IO v4
 * framing give the same accounting, and a peer that leaves out events is caught.
 */
class LoadPeerTest {

  @ParameterizedTest
  @ValueSource(strings = {"ws", "socketio"})
  void aFaithfulPeerLosesNothing(String target) throws Exception {
    try (var peer = new ContractPeer(0)) {
      Load.Result result = Load.run(new Load.Options(target, "http://127.0.0.1:" + peer.port(), null, 10, 240, 2, null));
      System.out.println(result.machineLine());
      assertEquals(Map.of(), result.errors());
      assertEquals(480, result.acked());
      assertEquals(480L * Load.SEATS, result.deliveries());
      assertEquals(480L * Load.SEATS, result.delivery().getTotalCount());
      assertTrue(result.clean());
      assertTrue(result.mix().getOrDefault("comment", 0L) > 0 && result.mix().getOrDefault("moveToCluster", 0L) > 0,
          result.mix().toString());
      if (target.equals("socketio")) {
        assertEquals(80, peer.pongs.get(), "every connection answered the peer's ping");
      }
    }
  }

  @Test
  void aSecondRunAgainstTheSamePeerStartsFromTheSeqItFinds() throws Exception {
    try (var peer = new ContractPeer(0)) {
      var options = new Load.Options("ws", "http://127.0.0.1:" + peer.port(), null, 10, 160, 1, null);
      assertTrue(Load.run(options).clean());
      Load.Result second = Load.run(options);
      assertEquals(0, second.gaps(), "the peer's seqs go on from the first run");
      assertTrue(second.clean(), second.machineLine());
    }
  }

  @Test
  void aPeerThatDropsEventsIsCaught() throws Exception {
    try (var peer = new ContractPeer(5)) {
      Load.Result result = Load.run(new Load.Options("ws", "http://127.0.0.1:" + peer.port(), null, 10, 240, 2, null, 2));
      assertFalse(result.clean());
      assertTrue(result.gaps() > 0, "gaps " + result.gaps());
      assertTrue(result.lostDeliveries() > 0, "lost " + result.lostDeliveries());
      assertTrue(result.machineLine().contains("\"clean\":false"));
    }
  }
}
