package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    @DisplayName("Every message record in the sealed hierarchy is registered with Jackson, once, and nothing else is")
    void everyPermittedRecordIsRegistered(Class<?> root) {
        JsonSubTypes.Type[] registered = root.getAnnotation(JsonSubTypes.class).value();
        List<Class<?>> registeredClasses = Arrays.stream(registered).map(JsonSubTypes.Type::value).toList();
        List<Class<?>> records = Hierarchy.records(root);

        assertThat(records).allSatisfy(c -> assertThat(c.isRecord()).as(c.getName()).isTrue());
        assertThat(registeredClasses).containsExactlyInAnyOrderElementsOf(records);
        Set<String> names = Arrays.stream(registered).map(JsonSubTypes.Type::name).collect(Collectors.toSet());
        assertThat(names).hasSize(registered.length).doesNotContain("");
    }
}
