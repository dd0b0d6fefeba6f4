package org.tingsted.protocol;

/** The person a connection speaks for, as told in {@code welcome}. */
public record Member(String id, String name, Role role) {

    public Member {
        Require.id("id", id);
        Require.present("name", name);
        Require.present("role", role);
    }
}
