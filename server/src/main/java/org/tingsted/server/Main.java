package org.tingsted.server;

import io.vertx.core.Future;
import java.util.concurrent.CountDownLatch;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Member;

/** Starts a Tingsted node from the command line. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    Settings settings;
    try {
      settings = Settings.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    var stopped = new CountDownLatch(1);
    TingstedNode.start(settings)
        .compose(node -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> node.close().toCompletionStage().toCompletableFuture().join()));
          System.out.println("Tingsted is running at " + node.publicUrl());
          if (settings.journal().isEmbedded()) {
            System.out.println("Data folder: " + settings.dataDir().toAbsolutePath());
          }
          System.out.println("Journal: " + node.journalDescription());
          if (settings.cluster().clustered()) {
            System.out.println("Cluster: " + settings.cluster().name() + ", joined by " + settings.cluster().join().name().toLowerCase()
                + ", " + node.clusterSize() + " node(s) now, quorum " + settings.cluster().quorum()
                + "  (health: " + node.publicUrl() + "/ready, metrics: /metrics)");
          }
          System.out.println("Admin API: " + node.publicUrl() + "/api  (Authorization: Bearer " + node.adminToken() + ")");
          if (!settings.demo()) {
            return Future.succeededFuture();
          }
          return Demo.ensure(node.roster()).map(assembly -> {
            System.out.println();
            System.out.println("Join links (open one per browser; each is one person):");
            System.out.print(Demo.describe(assembly, (Member m) -> {
              String token = node.links().tokens().issue(assembly.id(), m.id());
              return m.role() == Role.MEMBER
                  ? node.links().url(token)
                  : node.links().consoleUrl(token) + "   (console; as a table: " + node.links().url(token) + ")";
            }));
            return null;
          });
        })
        .onFailure(e -> {
          System.err.println("Tingsted could not start: " + e.getMessage());
          e.printStackTrace();
          System.exit(1);
        });
    stopped.await();
  }
}
