package org.tingsted.server.http;

import org.tingsted.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.Map;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.JoinCodes;
import org.tingsted.server.roster.JoinTokens;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/**
 * Joining by the short code on a card, mounted at {@code /j}: {@code GET /j/<code>} sends the
 * person on to their own link (the console for facilitators), {@code POST /j} with {@code code}
 * does the same for the start page's form (a redirect, or JSON when asked for it).
 *
 * <p>Guessing is kept out of reach by the codes' size and a limit on wrong ones: an address may
 * try {@link #WRONG_PER_ADDRESS} well-formed codes that find nobody in {@link #WINDOW_MS}, and
 * the node {@link #WRONG_PER_NODE} from all addresses; beyond that it is answered 429 until the
 * window turns. Right codes never count. The limit is per node.
 */
final class JoinCodeRoutes {

  static final int WRONG_PER_ADDRESS = 30;
  static final int WRONG_PER_NODE = 600;
  static final long WINDOW_MS = 10 * 60_000;

  private final Roster roster;
  private final JoinLinks links;
  private final Map<String, Integer> wrong = new HashMap<>();
  private int wrongHere;
  private long windowStart;

  JoinCodeRoutes(Roster roster, JoinLinks links) {
    this.roster = roster;
    this.links = links;
  }

  /** Adds the routes {@code POST /j} and {@code GET /j/:code} to the node's router. */
  void mount(Router router) {
    router.post("/j").handler(BodyHandler.create(false).setBodyLimit(4096));
    router.post("/j").handler(ctx -> {
      String code = null;
      String type = ctx.request().getHeader("Content-Type");
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        for (String pair : ctx.body().asString().split("&")) {
          if (pair.startsWith("code=")) {
            code = java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
          }
        }
      }
      if (code == null && ctx.body().length() > 0 && json(ctx)) {
        try {
          code = ctx.body().asJsonObject().getString("code");
        } catch (RuntimeException e) {
          code = null;
        }
      }
      answer(ctx, code);
    });
    router.get("/j/:code").handler(ctx -> answer(ctx, ctx.pathParam("code")));
  }

  private static boolean json(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    String type = ctx.request().getHeader("Content-Type");
    return accept != null && accept.contains("application/json") || type != null && type.contains("application/json");
  }

  private void answer(RoutingContext ctx, String typed) {
    String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
    String code = JoinCodes.normalize(typed);
    if (code == null) {
      unknown(ctx, ErrorCode.NOT_FOUND, null);
      return;
    }
    if (limited(address)) {
      unknown(ctx, ErrorCode.RATE_LIMITED, code);
      return;
    }
    roster.all().compose(all -> Future.succeededFuture(find(all, code))).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result() == null) {
        countWrong(address);
        unknown(ctx, ErrorCode.NOT_FOUND, code);
      } else {
        String target = found.result();
        if (json(ctx)) {
          ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
              .putHeader("Cache-Control", "no-store")
              .end(new JsonObject().put("url", target).encode());
        } else {
          ctx.response().setStatusCode(303).putHeader("Location", target).putHeader("Cache-Control", "no-store").end();
        }
      }
    });
  }

  /** The path of the person's own link (relative, so it works on whatever address they came by), or null. */
  private String find(java.util.List<Assembly> all, String code) {
    JoinTokens.Claim claim = links.codes().resolve(all, code);
    if (claim == null) {
      return null;
    }
    Member member = all.stream().filter(a -> a.id().equals(claim.assembly())).findFirst()
        .map(a -> a.members().get(claim.member())).orElse(null);
    if (member == null || member.wasPseudonymised()) {
      return null;
    }
    String full = links.linkOf(member.role(), links.credentials().link(claim.assembly(), member));
    return full.substring(links.baseUrl().length());
  }

  private void turnWindow() {
    long now = System.currentTimeMillis();
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now;
      wrong.clear();
      wrongHere = 0;
    }
  }

  private boolean limited(String address) {
    turnWindow();
    return wrongHere >= WRONG_PER_NODE || wrong.getOrDefault(address, 0) >= WRONG_PER_ADDRESS;
  }

  private void countWrong(String address) {
    turnWindow();
    wrongHere++;
    wrong.merge(address, 1, Integer::sum);
  }

  private void unknown(RoutingContext ctx, ErrorCode code, String typed) {
    boolean limited = code == ErrorCode.RATE_LIMITED;
    if (json(ctx)) {
      ctx.response().setStatusCode(code.httpStatus()).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(new JsonObject().put("code", code.wireName()).put("message", limited
              ? "too many wrong codes from this address; wait ten minutes"
              : "no one has this join code").encode());
      return;
    }
    String shown = typed == null ? "" : " «" + typed.substring(0, 4) + "-" + typed.substring(4) + "»";
    String html = """
        <!doctype html>
        <html lang="da">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Tingsted – %s</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml">
          <link rel="stylesheet" href="/base.css">
          <link rel="stylesheet" href="/start.css">
        </head>
        <body class="start-page">
          <main class="start" data-test="code-problem">
            <h1>%s</h1>
            <p>%s</p>
            <p><a class="start-again" href="/">Skriv koden igen</a></p>
            <div lang="en">
              <h2>%s</h2>
              <p>%s</p>
              <p><a href="/">Type the code again</a></p>
            </div>
          </main>
        </body>
        </html>
        """.formatted(
        limited ? "for mange forkerte koder" : "ukendt kode",
        limited ? "For mange forkerte koder" : "Koden findes ikke",
        limited ? "Der er skrevet for mange forkerte koder fra denne enhed. Vent ti minutter, og prøv igen, eller spørg en facilitator."
            : "Ingen har koden" + shown + ". Tjek koden på dit kort: den har otte tegn, fx K7QM-3XWD. Spørg en facilitator, hvis den stadig ikke virker.",
        limited ? "Too many wrong codes" : "This code does not exist",
        limited ? "Too many wrong codes were typed on this device. Wait ten minutes and try again, or ask a facilitator."
            : "Nobody has the code" + shown + ". Check the code on your card: it has eight characters, e.g. K7QM-3XWD. Ask a facilitator if it still does not work.");
    ctx.response().setStatusCode(code.httpStatus()).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(html);
  }
}
