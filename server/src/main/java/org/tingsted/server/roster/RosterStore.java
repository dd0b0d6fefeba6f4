package org.tingsted.server.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.map.MapStore;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.streams.ModelJson;

/**
 * Writes every assembly through to the journal as a document, and reads them all back when
 * the cluster starts, so that join links keep working across restarts.
 */
final class RosterStore implements MapStore<String, Assembly> {

  static final String KIND = "assembly";
  private final Journal journal;

  RosterStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public void store(String id, Assembly assembly) {
    try {
      journal.putDocument(KIND, id, ModelJson.mapper().writeValueAsString(assembly));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void storeAll(Map<String, Assembly> assemblies) {
    assemblies.forEach(this::store);
  }

  @Override
  public void delete(String id) {
    journal.deleteDocument(KIND, id);
  }

  @Override
  public void deleteAll(Collection<String> ids) {
    ids.forEach(this::delete);
  }

  @Override
  public Assembly load(String id) {
    return journal.document(KIND, id).map(RosterStore::read).orElse(null);
  }

  @Override
  public Map<String, Assembly> loadAll(Collection<String> ids) {
    var loaded = new LinkedHashMap<String, Assembly>();
    for (String id : ids) {
      Assembly assembly = load(id);
      if (assembly != null) {
        loaded.put(id, assembly);
      }
    }
    return loaded;
  }

  @Override
  public Iterable<String> loadAllKeys() {
    return journal.documentIds(KIND);
  }

  private static Assembly read(String json) {
    try {
      return ModelJson.mapper().readValue(json, Assembly.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
