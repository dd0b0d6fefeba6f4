package org.tingsted.server.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.map.MapStore;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.streams.ModelJson;

/** Writes every staff account through to the journal as a document, and reads them all back when the cluster starts. */
final class StaffStore implements MapStore<String, StaffAccount> {

  static final String KIND = "staff-account";
  private final Journal journal;

  StaffStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public void store(String username, StaffAccount account) {
    try {
      journal.putDocument(KIND, username, ModelJson.mapper().writeValueAsString(account));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void storeAll(Map<String, StaffAccount> accounts) {
    accounts.forEach(this::store);
  }

  @Override
  public void delete(String username) {
    journal.deleteDocument(KIND, username);
  }

  @Override
  public void deleteAll(Collection<String> usernames) {
    usernames.forEach(this::delete);
  }

  @Override
  public StaffAccount load(String username) {
    return journal.document(KIND, username).map(StaffStore::read).orElse(null);
  }

  @Override
  public Map<String, StaffAccount> loadAll(Collection<String> usernames) {
    var loaded = new LinkedHashMap<String, StaffAccount>();
    for (String username : usernames) {
      StaffAccount account = load(username);
      if (account != null) {
        loaded.put(username, account);
      }
    }
    return loaded;
  }

  @Override
  public Iterable<String> loadAllKeys() {
    return journal.documentIds(KIND);
  }

  private static StaffAccount read(String json) {
    try {
      return ModelJson.mapper().readValue(json, StaffAccount.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
