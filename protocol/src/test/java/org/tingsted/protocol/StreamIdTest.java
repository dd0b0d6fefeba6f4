package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A stream's id and its name")
class StreamIdTest {

    @Test
    @DisplayName("a table's and a session's stream are named table:<id> and session:<id>, and read back from those names")
    void namesAndBack() {
        assertThat(StreamId.table("t4").name()).isEqualTo("table:t4");
        assertThat(StreamId.session("s1").name()).isEqualTo("session:s1");
        assertThat(StreamId.parse("table:t4")).contains(StreamId.table("t4"));
        assertThat(StreamId.parse("session:s1")).contains(StreamId.session("s1"));
        assertThat(StreamId.parse("table:a:b")).as("an id may hold a colon").contains(StreamId.table("a:b"));
        assertThat(StreamId.table("t4").isTable()).isTrue();
        assertThat(StreamId.session("s1").isTable()).isFalse();
    }

    @Test
    @DisplayName("a name of no known kind, or with no id, names no stream")
    void notAStream() {
        for (String name : new String[] {null, "", "table:", "session:", "t4", "Table:t4", "plenary:s1", " table:t4"}) {
            assertThat(StreamId.parse(name)).as("'%s'", name).isEmpty();
        }
        assertThatThrownBy(() -> StreamId.of("board:t4")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("board:t4");
        assertThatThrownBy(() -> StreamId.table("")).isInstanceOf(IllegalArgumentException.class);
    }
}
