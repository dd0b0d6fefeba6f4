package org.tingsted.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The JSON test vectors under {@code src/test/resources/vectors}, found by listing the folders. */
final class Vectors {

    static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static Path root() {
        try {
            return Path.of(Vectors.class.getResource("/vectors").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paths relative to the vectors folder, such as {@code client/propose.json}, sorted. */
    static List<String> in(String folder) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> folder + "/" + p.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> all() {
        return Stream.of("client", "server", "invalid").flatMap(f -> in(f).stream()).toList();
    }

    static String text(String vector) {
        try {
            return Files.readString(root().resolve(vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String vector) {
        try {
            return JSON.readTree(text(vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
