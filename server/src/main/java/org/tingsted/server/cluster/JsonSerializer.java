package org.tingsted.server.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Offloadable;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;

/**
 * Hazelcast serialization of one of our record types as JSON, through the same Jackson
 * configuration that the wire and the journal use, so that there is one encoding of the model.
 */
public final class JsonSerializer<T> implements StreamSerializer<T> {

  private final ObjectMapper mapper;
  private final Class<T> type;
  private final int typeId;

  private JsonSerializer(ObjectMapper mapper, Class<T> type, int typeId) {
    this.mapper = mapper;
    this.type = type;
    this.typeId = typeId;
  }

  /** A serializer registration for {@code type}; type ids must be unique and positive. */
  public static <T> SerializerConfig of(ObjectMapper mapper, Class<T> type, int typeId) {
    return new SerializerConfig()
        .setTypeClass(type)
        .setImplementation(new JsonSerializer<>(withoutHazelcastProperties(mapper), type, typeId));
  }

  /**
   * Hazelcast's interfaces look like properties to Jackson: an entry processor's
   * {@code getBackupProcessor()} (by default the processor itself, a cycle) and an offloadable
   * one's {@code getExecutorName()}. They are behaviour, not state: never written.
   */
  @JsonIgnoreProperties({"backupProcessor", "executorName"})
  private interface HazelcastBehaviour {
  }

  private static ObjectMapper withoutHazelcastProperties(ObjectMapper mapper) {
    return mapper.copy()
        .addMixIn(EntryProcessor.class, HazelcastBehaviour.class)
        .addMixIn(Offloadable.class, HazelcastBehaviour.class);
  }

  @Override
  public void write(ObjectDataOutput out, T value) throws IOException {
    out.writeByteArray(mapper.writeValueAsBytes(value));
  }

  @Override
  public T read(ObjectDataInput in) throws IOException {
    return mapper.readValue(in.readByteArray(), type);
  }

  @Override
  public int getTypeId() {
    return typeId;
  }
}
