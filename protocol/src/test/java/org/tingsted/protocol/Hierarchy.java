package org.tingsted.protocol;

import java.util.ArrayList;
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
}
