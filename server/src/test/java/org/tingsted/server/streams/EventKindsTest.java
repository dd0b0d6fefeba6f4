package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.EventKind;
import org.tingsted.protocol.StreamId;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.TableEvent;

@DisplayName("The binding of the model's event records to the registry of event kinds")
class EventKindsTest {

  @Test
  @DisplayName("every event record is bound to a kind of its own stream, and every kind to exactly one record")
  void bijection() {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> family : Event.class.getPermittedSubclasses()) {
      records.addAll(List.of(family.getPermittedSubclasses()));
    }
    assertThat(EventKinds.all().keySet()).containsExactlyInAnyOrderElementsOf(
        records.stream().map(c -> c.asSubclass(Event.class)).toList());
    assertThat(EventKinds.all().values()).containsExactlyInAnyOrder(EventKind.values());
    for (var binding : EventKinds.all().entrySet()) {
      StreamId.Kind expected = TableEvent.class.isAssignableFrom(binding.getKey())
          ? StreamId.Kind.TABLE : StreamId.Kind.SESSION;
      assertThat(binding.getValue().stream()).as("%s", binding.getKey().getSimpleName()).isEqualTo(expected);
      assertThat(EventKinds.typeOf(binding.getValue())).isEqualTo(binding.getKey());
    }
  }

  @Test
  @DisplayName("an event's kind on the wire and in the journal is the registry's name, with its schema version")
  void namesFromTheRegistry() {
    var event = new SessionEvent.ReportPublished();
    assertThat(ModelJson.kindOf(event)).isEqualTo(EventKind.REPORT_PUBLISHED.wire()).isEqualTo("reportPublished");
    var row = JournalCodec.row(new StreamEvent("session:s1", 3, 1000, "m1", event), "c1");
    assertThat(row.kind()).isEqualTo("reportPublished");
    assertThat(row.version()).isEqualTo(EventKind.REPORT_PUBLISHED.version());
    assertThat(EventKind.ofWire("reportPublished")).contains(EventKind.REPORT_PUBLISHED);
    assertThat(EventKind.ofWire("somethingNew")).isEmpty();
  }
}
