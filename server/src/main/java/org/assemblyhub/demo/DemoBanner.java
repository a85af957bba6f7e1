package org.assemblyhub.demo;

import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.Loopback;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./hub demo} prints once the hub is up: the links, the switcher, and — because a link signs in whoever
 * opens it — who can reach them.
 */
public final class DemoBanner {
    private DemoBanner() {}

    public static List<String> lines(HubConfig config, List<String> links) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Demo assembly: each link signs a browser in as that person (one person per browser profile;");
        out.add("private windows of one browser share their cookies, so they are one person too):");
        out.add("");
        links.forEach(line -> out.add("  " + line));
        out.add("");
        if (Loopback.isLoopback(config.host())) {
            out.add("Switch person in one click (this computer only): " + config.publicUrl() + "/demo");
            out.add("The demo listens on " + config.host() + " only: its links work on this computer only. To let other"
                    + " devices in,");
            out.add("start it with --host 0.0.0.0 --public-url http://<this computer's address>:" + config.port()
                    + " (then anyone on the network");
            out.add("who has a link joins as that person, and the one-click switcher is off).");
        } else {
            out.add("The demo listens on " + config.host() + ": anyone who can reach this computer and has a link joins"
                    + " as that person.");
            out.add("The one-click switcher (/demo) is off; it runs only on 127.0.0.1 (the demo's default).");
            if (Loopback.isLoopback(URI.create(config.publicUrl()).getHost())) {
                out.add("The links start with " + config.publicUrl() + ", which other devices cannot open: add"
                        + " --public-url http://<this computer's address>:" + config.port() + ".");
            }
        }
        out.add("");
        return out;
    }
}
