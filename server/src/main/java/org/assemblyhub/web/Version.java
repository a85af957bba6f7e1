package org.assemblyhub.web;

/** The hub's version, from the jar manifest when packaged. */
public final class Version {
    public static final String VALUE = version();

    private Version() {}

    private static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
