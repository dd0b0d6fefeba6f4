package org.tingsted.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tingsted.server.streams.ModelJson;

/**
 * The model keeps its own enums, since it may not know the wire format (ArchitectureTest), and
 * the gateway maps between the two by constant name. Each pair must hold the same constants in
 * the same order, and the server must write each model constant (in events and snapshots) as
 * the protocol names it, or a new constant on one side breaks the other at run time. The
 * model's roles also name the administrator and the server itself, which no member has.
 */
@DisplayName("The enums the model and the protocol both define")
class MirroredEnumsTest {

  private static final ObjectMapper WIRE = new ObjectMapper();
  /** Model constants with no wire form: actors that are not people at a session (no member has them). */
  private static final java.util.Map<Class<?>, List<String>> MODEL_ONLY = java.util.Map.of(
      org.tingsted.server.deliberation.Role.class, List.of("ADMINISTRATOR", "SERVER"));

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(org.tingsted.server.deliberation.Choice.class, org.tingsted.protocol.Choice.class),
        Arguments.of(org.tingsted.server.deliberation.CommentKind.class, org.tingsted.protocol.CommentKind.class),
        Arguments.of(org.tingsted.server.deliberation.PhaseKind.class, org.tingsted.protocol.PhaseKind.class),
        Arguments.of(org.tingsted.server.deliberation.Role.class, org.tingsted.protocol.Role.class),
        Arguments.of(org.tingsted.server.deliberation.TimerScope.class, org.tingsted.protocol.TimerScope.class),
        Arguments.of(org.tingsted.server.deliberation.TimerStatus.class, org.tingsted.protocol.TimerStatus.class),
        Arguments.of(org.tingsted.server.deliberation.VoteMethod.class, org.tingsted.protocol.VoteMethod.class));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("pairs")
  @DisplayName("the same constants, in the same order, written with the same names")
  void same(Class<? extends Enum<?>> model, Class<? extends Enum<?>> wire) throws Exception {
    List<String> modelOnly = MODEL_ONLY.getOrDefault(model, List.of());
    List<String> modelNames = Arrays.stream(model.getEnumConstants()).map(Enum::name)
        .filter(n -> !modelOnly.contains(n)).toList();
    List<String> wireNames = Arrays.stream(wire.getEnumConstants()).map(Enum::name).toList();
    assertThat(modelNames).as("%s against %s", model.getName(), wire.getName()).isEqualTo(wireNames);
    for (int i = 0; i < modelNames.size(); i++) {
      assertThat(ModelJson.mapper().writeValueAsString(model.getEnumConstants()[i]))
          .as("%s.%s as the server writes it", model.getSimpleName(), modelNames.get(i))
          .isEqualTo(WIRE.writeValueAsString(wire.getEnumConstants()[i]));
    }
  }
}
