package org.tingsted.server.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tingsted.protocol.StreamId;

/**
 * A citizens' assembly: its question, its session days with their tables, and the people in it.
 */
public record Assembly(String id, String name, String question, List<Session> sessions,
                       Map<String, Member> members) {

  public Assembly {
    sessions = List.copyOf(sessions);
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** The session that holds {@code tableId}. */
  public Optional<Session> sessionOfTable(String tableId) {
    return sessions.stream().filter(s -> s.hasTable(tableId)).findFirst();
  }

  /** The session with this id. */
  public Optional<Session> session(String sessionId) {
    return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
  }

  /** Every stream of the assembly: each session day's stream, then its tables'. */
  public List<StreamId> streams() {
    var streams = new ArrayList<StreamId>();
    for (Session session : sessions) {
      streams.add(StreamId.session(session.id()));
      session.tables().forEach(t -> streams.add(StreamId.table(t.id())));
    }
    return streams;
  }

  /** Everyone seated at {@code tableId}, in the order they were added. */
  public List<Member> seatedAt(String tableId) {
    return members.values().stream().filter(m -> tableId.equals(m.table())).toList();
  }

  /** This assembly with {@code member} seated at another table. */
  Assembly seat(String member, String table) {
    Member m = members.get(member);
    var next = new LinkedHashMap<>(members);
    next.put(member, m.seatedAt(table));
    return new Assembly(id, name, question, sessions, next);
  }

  /** This assembly with {@code member}'s credentials of the next generation. */
  Assembly reissue(String member) {
    var next = new LinkedHashMap<>(members);
    next.put(member, members.get(member).reissued());
    return new Assembly(id, name, question, sessions, next);
  }

  /**
   * This assembly with {@code member} under a pseudonym: the role's word and the count of the
   * people pseudonymised so far ("Medlem 3"), which says nothing of who they were or when they
   * were added. Someone pseudonymised already stays as they are.
   */
  Assembly pseudonymise(String member, long at) {
    Member m = members.get(member);
    if (m == null || m.wasPseudonymised()) {
      return this;
    }
    long before = members.values().stream().filter(Member::wasPseudonymised).count();
    var next = new LinkedHashMap<>(members);
    next.put(member, m.pseudonymisedAs(pseudonym(m.role(), before + 1), at));
    return new Assembly(id, name, question, sessions, next);
  }

  /** The name a pseudonymised person goes by, in the assembly's language (Danish). */
  static String pseudonym(org.tingsted.server.deliberation.Role role, long number) {
    String word = switch (role) {
      case MEMBER -> "Medlem";
      case FACILITATOR -> "Bordformand";
      case LEAD_FACILITATOR -> "Mødeleder";
      case OBSERVER -> "Observatør";
      case ADMINISTRATOR, SERVER -> "Person";
    };
    return word + " " + number;
  }

  /** The last date of the assembly's session days (yyyy-mm-dd), or null when none has a date. */
  public String lastSessionDate() {
    return sessions.stream().map(Session::date).filter(d -> d != null && !d.isBlank()).max(String::compareTo).orElse(null);
  }

  /** This assembly with one more member. */
  Assembly with(Member member) {
    var next = new LinkedHashMap<>(members);
    next.put(member.id(), member);
    return new Assembly(id, name, question, sessions, next);
  }
}
