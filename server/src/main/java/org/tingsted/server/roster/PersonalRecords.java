package org.tingsted.server.roster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.journal.Journal;

/**
 * Each person's {@link PersonalData}, apart from the roster: in a Hazelcast map of its own
 * (guarded by the quorum like live state) written through to the journal's documents of kind
 * {@value PersonalStore#KIND}. Only the admin API reads it.
 */
public final class PersonalRecords {

  static final String MAP = HazelcastSetup.MAP_PREFIX + "personal";

  private final Vertx vertx;
  private final Roster roster;
  private final Journal journal;
  private final IMap<String, PersonalData> records;

  public PersonalRecords(Vertx vertx, HazelcastInstance hazelcast, Roster roster, Journal journal) {
    this.vertx = vertx;
    this.roster = roster;
    this.journal = journal;
    this.records = hazelcast.getMap(MAP);
  }

  /** The personal data of a person of an assembly, or null when none is kept. */
  public Future<PersonalData> get(String assembly, String member) {
    return person(assembly, member).compose(m -> Future.fromCompletionStage(
        records.getAsync(PersonalData.key(assembly, member)), vertx.getOrCreateContext()));
  }

  /**
   * Sets (replaces) a person's personal data; fails with {@code invalid} for data out of its
   * limits ({@link PersonalData}), {@code not_found} for an unknown person, and {@code conflict}
   * for someone pseudonymised, whose data is gone for good.
   */
  public Future<PersonalData> put(String assembly, String member, String legalName, Map<String, String> contact,
                                  Map<String, String> demographics) {
    try {
      PersonalData.check(legalName, contact, demographics);
    } catch (RosterException e) {
      return Future.failedFuture(e);
    }
    return person(assembly, member).compose(m -> {
      if (m.wasPseudonymised()) {
        return Future.failedFuture(new RosterException.Conflict("person " + member
            + " was pseudonymised; no personal data is kept for them any more"));
      }
      var data = new PersonalData(assembly, member, legalName == null ? null : legalName.strip(), contact, demographics,
          System.currentTimeMillis());
      return Future.fromCompletionStage(records.setAsync(PersonalData.key(assembly, member), data),
          vertx.getOrCreateContext()).map(v -> data);
    });
  }

  /** Deletes a person's personal data, from memory and from the journal; true if there was any. */
  public Future<Boolean> delete(String assembly, String member) {
    return Future.fromCompletionStage(records.removeAsync(PersonalData.key(assembly, member)), vertx.getOrCreateContext())
        .map(removed -> removed != null);
  }

  /** The people of whom personal data is kept, as {@code assembly/member} keys, from the journal. */
  public Future<List<String>> keys() {
    return vertx.executeBlocking(() -> journal.documentIds(PersonalStore.KIND), false);
  }

  /** Deletes the record under a {@link #keys} key. */
  public Future<Void> deleteKey(String key) {
    return Future.fromCompletionStage(records.deleteAsync(key), vertx.getOrCreateContext()).mapEmpty();
  }

  private Future<Member> person(String assembly, String member) {
    return roster.require(assembly).compose(a -> {
      Member m = a.members().get(member);
      return m == null
          ? Future.failedFuture(new RosterException.NotFound("no person " + member + " in assembly " + assembly))
          : Future.succeededFuture(m);
    });
  }
}
