package org.tingsted.protocol;

/** One member of a table in a {@code presence} message, and whether they are connected now. */
public record PresentMember(String id, String name, Device device, boolean online) {

    public PresentMember {
        Require.id("id", id);
        Require.present("name", name);
        Require.present("device", device);
    }
}
