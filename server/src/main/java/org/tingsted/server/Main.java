package org.tingsted.server;

import io.vertx.core.Future;
import java.util.concurrent.CountDownLatch;
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
          // A token the operator set is theirs already and stays out of the log; one made at
          // this start is shown while it is still good for something (the first administrator).
          boolean tokenGiven = java.util.Arrays.asList(args).contains("--admin-token")
              || System.getenv("TINGSTED_ADMIN_TOKEN") != null;
          System.out.println("Admin API: " + node.publicUrl() + "/api  (a staff login: POST /api/login, then Authorization: Bearer <session token>)");
          if (settings.publicUrl() == null && "0.0.0.0".equals(settings.host())) {
            System.out.println();
            System.out.println("Warning: Tingsted listens on every interface, but its join links and cards point at "
                + node.publicUrl() + ", which only this machine can open. For tablets and phones, start it with "
                + "--public-url http://<this machine's name or address>:" + node.port());
          }
          if (!settings.demo()) {
            return node.staff().hasAdministrator().map(has -> {
              System.out.println();
              if (has) {
                System.out.println("Staff login: " + node.publicUrl() + "/staff.html");
              } else {
                System.out.println("No administrator yet. Make the first one at " + node.publicUrl() + "/staff.html with the admin token "
                    + (tokenGiven ? "you set" : node.adminToken()) + "  (it serves for that alone)");
              }
              return null;
            });
          }
          return Demo.start(node.roster(), node.streams()).compose(assembly -> Demo.administrator(node.staff()).map(password -> {
            System.out.println();
            System.out.println("Staff login: " + node.publicUrl() + "/staff.html  user " + Demo.ADMINISTRATOR
                + ", password " + password + "  (a new one at every start with --demo)");
            System.out.println("Cards to print: " + node.links().cardsUrl(assembly.id()) + "  (after the staff login)");
            System.out.println("Start page (type a code): " + node.publicUrl() + "/");
            System.out.println();
            System.out.println("Join codes and links (open one per browser; each is one person):");
            System.out.print(Demo.describe(assembly,
                (Member m) -> node.links().codes().of(assembly.id(), m),
                (Member m) -> node.links().linkOf(m.role(), node.links().credentials().link(assembly.id(), m))));
            return null;
          }));
        })
        .onFailure(e -> {
          System.err.println("Tingsted could not start: " + e.getMessage());
          e.printStackTrace();
          System.exit(1);
        });
    stopped.await();
  }
}
