package org.assemblyhub.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's real Chromium driven by Playwright (its own browser download is skipped). Playwright gives every launch a
 * fresh, empty user-data directory; each test user gets its own isolated context (cookies, storage) in that browser.
 */
final class Chromium {
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {}

    static Browser launch(Playwright playwright, List<String> extraArgs) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE
                    + " is missing: run ./hub test (it installs Debian's chromium) or apt-get install chromium");
        }
        List<String> args = new ArrayList<>(List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-dev-shm-usage",
                // Chromium estimates the link's speed from what it observes; on a loaded machine even loopback can
                // look like 3G, and the hub's data saver then starts members' cameras off. Tests that want a weak
                // link say so themselves (WeakLinkIT).
                "--force-effective-connection-type=4G"));
        args.addAll(extraArgs);
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(args));
    }
}
