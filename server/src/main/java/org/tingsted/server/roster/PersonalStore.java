package org.tingsted.server.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.map.MapStore;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.streams.ModelJson;

/**
 * Writes each person's {@link PersonalData} through to the journal as a document of its own
 * kind ({@value #KIND}), apart from the assemblies' roster; read on demand, one person at a
 * time, and never all loaded at start.
 */
final class PersonalStore implements MapStore<String, PersonalData> {

  static final String KIND = "personal";
  private final Journal journal;

  PersonalStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public void store(String key, PersonalData data) {
    try {
      journal.putDocument(KIND, key, ModelJson.mapper().writeValueAsString(data));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void storeAll(Map<String, PersonalData> all) {
    all.forEach(this::store);
  }

  @Override
  public void delete(String key) {
    journal.deleteDocument(KIND, key);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    keys.forEach(this::delete);
  }

  @Override
  public PersonalData load(String key) {
    return journal.document(KIND, key).map(PersonalStore::read).orElse(null);
  }

  @Override
  public Map<String, PersonalData> loadAll(Collection<String> keys) {
    var loaded = new LinkedHashMap<String, PersonalData>();
    for (String key : keys) {
      PersonalData data = load(key);
      if (data != null) {
        loaded.put(key, data);
      }
    }
    return loaded;
  }

  /** Nothing is loaded ahead: a record is read when it is asked for. */
  @Override
  public Iterable<String> loadAllKeys() {
    return List.of();
  }

  private static PersonalData read(String json) {
    try {
      return ModelJson.mapper().readValue(json, PersonalData.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
