package org.assemblyhub.sortition.verify;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code sortition verify DIR}: recomputes a published draw and says whether it matches. Exit code 0 when it
 * matches, 1 when something differs, 2 for a usage error.
 */
public final class SortitionCli {
    private SortitionCli() {}

    /** {@code ./hub sortition verify DIR}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("verify")) {
            err.println("usage: sortition verify DIR");
            return 2;
        }
        SortitionVerifier.Verification v = SortitionVerifier.verify(Path.of(args[1]));
        for (String line : v.checked()) out.println("ok   " + line);
        if (v.matches()) {
            out.println("The draw matches the published files.");
            return 0;
        }
        out.println("DIFFERS " + v.firstDifference().orElseThrow());
        return 1;
    }
}
