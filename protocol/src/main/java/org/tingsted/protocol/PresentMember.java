package org.tingsted.protocol;

/**
 * One member of a table in a {@code presence} message: their role (so that the app can show a
 * table facilitator as such), and whether they are connected now.
 */
public record PresentMember(String id, String name, Role role, Device device, boolean online) {

    public PresentMember {
        Require.id("id", id);
        Require.present("name", name);
        Require.present("role", role);
        Require.present("device", device);
    }
}
