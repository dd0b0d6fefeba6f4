package org.tingsted.server.roster;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.cluster.JsonSerializer;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.streams.ModelJson;

/**
 * Who takes part in which assembly, session and table: the directory that administrators fill
 * and that the gateway reads when a member joins. Kept in Hazelcast so every node sees it.
 */
public final class Roster {

  /** The longest name of an assembly, session, table or person. */
  public static final int NAME_MAX = 120;
  /** The longest assembly question. */
  public static final int QUESTION_MAX = 1000;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<String, Assembly> assemblies;

  public Roster(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.assemblies = hazelcast.getMap(MAP);
  }

  /**
   * A change of the roster, refused on a side of a split cluster smaller than the quorum (the
   * roster's map is read everywhere from the start, so Hazelcast does not guard it).
   */
  private <T> CompletionStage<T> change(Supplier<CompletionStage<T>> write) {
    if (!HazelcastSetup.hasQuorum(hazelcast)) {
      return CompletableFuture.failedFuture(new SplitBrainProtectionException(
          "this side of the cluster has fewer members than the quorum; the roster cannot change now"));
    }
    return write.get();
  }

  static final String MAP = HazelcastSetup.SHARED_EVERYWHERE.replace("*", "assemblies");

  /** Keeps the assemblies in the journal: written through, all loaded when the cluster starts. */
  public static void configure(Config config, Journal journal) {
    config.addMapConfig(HazelcastSetup.storedMap(config, MAP, new RosterStore(journal), true));
    config.addMapConfig(HazelcastSetup.storedMap(config, PersonalRecords.MAP, new PersonalStore(journal), false));
  }

  /** The Hazelcast serializers of what this package keeps in Hazelcast. */
  public static List<SerializerConfig> serializers() {
    var mapper = ModelJson.mapper();
    return List.of(
        JsonSerializer.of(mapper, Assembly.class, 1101),
        JsonSerializer.of(mapper, AddMember.class, 1102),
        JsonSerializer.of(mapper, MoveMember.class, 1103),
        JsonSerializer.of(mapper, PersonalData.class, 1104),
        JsonSerializer.of(mapper, PseudonymiseMember.class, 1105),
        JsonSerializer.of(mapper, ReissueMember.class, 1106));
  }

  /** A session day to create, with the names of its tables. */
  public record NewSession(String name, String date, List<String> tables) {
  }

  /** Creates an assembly with its sessions and tables; ids are chosen here. */
  public Future<Assembly> create(String name, String question, List<NewSession> sessions) {
    try {
      requireName("assembly name", name);
      if (question != null && question.length() > QUESTION_MAX) {
        throw new RosterException.Invalid("question is longer than " + QUESTION_MAX + " characters");
      }
      if (sessions == null || sessions.isEmpty()) {
        throw new RosterException.Invalid("an assembly needs at least one session");
      }
      var made = new ArrayList<Session>();
      for (NewSession s : sessions) {
        requireName("session name", s.name());
        if (s.tables() == null || s.tables().isEmpty()) {
          throw new RosterException.Invalid("session '" + s.name() + "' needs at least one table");
        }
        var tables = new ArrayList<TablePlace>();
        for (String table : s.tables()) {
          requireName("table name", table);
          tables.add(new TablePlace(Ids.next('t'), table.strip()));
        }
        made.add(new Session(Ids.next('s'), s.name().strip(), s.date(), tables));
      }
      var assembly = new Assembly(Ids.next('a'), name.strip(), question, made, new LinkedHashMap<>());
      return Future.fromCompletionStage(change(() -> assemblies.setAsync(assembly.id(), assembly)), vertx.getOrCreateContext())
          .map(done -> assembly);
    } catch (RosterException e) {
      return Future.failedFuture(e);
    }
  }

  /** The assembly with this id, or null. */
  public Future<Assembly> get(String assemblyId) {
    return Future.fromCompletionStage(assemblies.getAsync(assemblyId), vertx.getOrCreateContext());
  }

  /** The assembly with this id, failing with {@code not_found} when there is none. */
  public Future<Assembly> require(String assemblyId) {
    return get(assemblyId).compose(a -> a != null
        ? Future.succeededFuture(a)
        : Future.failedFuture(new RosterException.NotFound("no assembly " + assemblyId)));
  }

  /** Every assembly, in no particular order. */
  public Future<List<Assembly>> all() {
    return vertx.executeBlocking(() -> List.copyOf(assemblies.values()), false);
  }

  /**
   * Adds a person. Members and table facilitators sit at a table; a lead facilitator or an
   * observer belongs to a session and may name no table.
   */
  public Future<Member> addMember(String assemblyId, String name, Role role, String sessionId, String tableId) {
    return addMember(assemblyId, name, role, sessionId, tableId, List.of());
  }

  /**
   * Adds a person; a table facilitator may run {@code moreTables} of the same session besides
   * their own.
   */
  public Future<Member> addMember(String assemblyId, String name, Role role, String sessionId, String tableId,
                                  List<String> moreTables) {
    return require(assemblyId).compose(assembly -> {
      try {
        requireName("member name", name);
        if (role == null) {
          throw new RosterException.Invalid("role is required");
        }
        if (role == Role.ADMINISTRATOR) {
          throw new RosterException.Invalid("administrators act through the admin API and are not added as people");
        }
        Session session = resolveSession(assembly, sessionId, tableId);
        boolean needsTable = role == Role.MEMBER || role == Role.FACILITATOR;
        if (needsTable && tableId == null) {
          throw new RosterException.Invalid("a " + role.name().toLowerCase() + " needs a table");
        }
        List<String> extra = moreTables == null ? List.of() : moreTables;
        if (!extra.isEmpty() && role != Role.FACILITATOR) {
          throw new RosterException.Invalid("only a table facilitator runs more than one table");
        }
        for (String other : extra) {
          if (other == null || !session.hasTable(other)) {
            throw new RosterException.Invalid("table " + other + " is not in session " + session.id());
          }
        }
        var member = new Member(Ids.next('m'), name.strip(), role, session.id(), tableId, extra);
        return Future.fromCompletionStage(
                change(() -> assemblies.submitToKey(assemblyId, new AddMember(member))), vertx.getOrCreateContext())
            .compose(added -> added
                ? Future.succeededFuture(member)
                : Future.failedFuture(new RosterException.NotFound("no assembly " + assemblyId)));
      } catch (RosterException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /**
   * Seats a member at another table of their session; the future holds the table they left.
   * Fails with {@code not_found} for an unknown member or table, {@code invalid} for a move
   * that does not fit (someone without a table, a table of another session, the same table).
   */
  public Future<String> move(String assemblyId, String memberId, String toTable) {
    return require(assemblyId).compose(assembly -> {
      Member m = assembly.members().get(memberId);
      if (m == null) {
        return Future.failedFuture(new RosterException.NotFound("no member " + memberId));
      }
      if (assembly.sessionOfTable(toTable).isEmpty()) {
        return Future.failedFuture(new RosterException.NotFound("no table " + toTable));
      }
      return Future.fromCompletionStage(change(() -> assemblies.submitToKey(assemblyId, new MoveMember(memberId, toTable))),
              vertx.getOrCreateContext())
          .compose(from -> from != null
              ? Future.succeededFuture(from)
              : Future.failedFuture(new RosterException.Invalid(
                  "person " + memberId + " cannot be moved to table " + toTable + " (same table, another session, or no table)")));
    });
  }

  /**
   * Puts a person under a pseudonym ({@link Assembly#pseudonymise}): the roster, and with it
   * every view of the assembly, shows the pseudonym from now on. The future holds the person as
   * they are now; someone pseudonymised already stays as they are. Their personal data is
   * {@link PersonalRecords#delete}d apart.
   */
  public Future<Member> pseudonymise(String assemblyId, String memberId) {
    return require(assemblyId).compose(assembly -> {
      if (!assembly.members().containsKey(memberId)) {
        return Future.failedFuture(new RosterException.NotFound("no person " + memberId + " in assembly " + assemblyId));
      }
      return Future.fromCompletionStage(change(() -> assemblies.submitToKey(assemblyId,
              new PseudonymiseMember(memberId, System.currentTimeMillis()))), vertx.getOrCreateContext())
          .compose(m -> m != null
              ? Future.succeededFuture(m)
              : Future.failedFuture(new RosterException.NotFound("no person " + memberId + " in assembly " + assemblyId)));
    });
  }

  /**
   * Revokes a member's join credentials and makes the next generation: their link, its QR code,
   * its short code and every session credential made from them stop working. The future holds
   * the member as they are now; {@code not_found} for an unknown assembly or member.
   */
  public Future<Member> reissue(String assemblyId, String memberId) {
    return Future.fromCompletionStage(change(() -> assemblies.submitToKey(assemblyId, new ReissueMember(memberId))),
            vertx.getOrCreateContext())
        .compose(m -> m != null
            ? Future.succeededFuture(m)
            : Future.failedFuture(new RosterException.NotFound("no member " + memberId + " in assembly " + assemblyId)));
  }

  private static Session resolveSession(Assembly assembly, String sessionId, String tableId) {
    if (tableId != null) {
      Session session = assembly.sessionOfTable(tableId)
          .orElseThrow(() -> new RosterException.NotFound("no table " + tableId + " in assembly " + assembly.id()));
      if (sessionId != null && !sessionId.equals(session.id())) {
        throw new RosterException.Invalid("table " + tableId + " is not in session " + sessionId);
      }
      return session;
    }
    if (sessionId == null) {
      if (assembly.sessions().size() == 1) {
        return assembly.sessions().get(0);
      }
      throw new RosterException.Invalid("name the session or the table");
    }
    return assembly.session(sessionId)
        .orElseThrow(() -> new RosterException.NotFound("no session " + sessionId + " in assembly " + assembly.id()));
  }

  private static void requireName(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new RosterException.Invalid(what + " is required");
    }
    if (value.strip().length() > NAME_MAX) {
      throw new RosterException.Invalid(what + " is longer than " + NAME_MAX + " characters");
    }
  }
}
