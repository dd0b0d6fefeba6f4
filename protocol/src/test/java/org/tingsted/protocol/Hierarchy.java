package org.tingsted.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reflection over the sealed message hierarchies, for tests. */
final class Hierarchy {

    private Hierarchy() {
    }

    /** The concrete records below a sealed interface, following nested sealed interfaces. */
    static List<Class<?>> records(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                out.addAll(records(sub));
            } else {
                out.add(sub);
            }
        }
        return out;
    }

    /** The values of a class's public static String constants. */
    static List<String> constants(Class<?> holder) {
        return Arrays.stream(holder.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(Hierarchy::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
