package org.assemblyhub.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./hub script validate FILE...} — every problem with its line; exit 1 if any file is invalid.
 * {@code ./hub script plan FILE} — the timeline of a valid script.
 */
public final class ScriptCli {
    private ScriptCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length < 2 || !(args[0].equals("validate") || args[0].equals("plan"))) {
            System.err.println("usage: ./hub script validate FILE...   |   ./hub script plan FILE");
            return 2;
        }
        int status = 0;
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println(file + ": cannot be read (" + e.getMessage() + ")");
                status = 1;
                continue;
            }
            ScriptReader.Result result = ScriptReader.read(text);
            if (!result.valid()) {
                System.err.println(file + ": " + result.problems().size() + " problem(s)");
                result.problems()
                        .forEach(p -> System.err.println(file + ":" + (p.line() > 0 ? p.line() + ":" : "") + " "
                                + (p.where().isEmpty() ? "" : p.where() + ": ") + p.message()));
                status = 1;
            } else if (args[0].equals("plan")) {
                System.out.print(ScriptPlan.render(result.script()));
            } else {
                Script s = result.script();
                System.out.println(file + ": valid — " + s.sessions().size() + " session(s), " + s.segmentCount()
                        + " segments, " + ScriptPlan.duration(s.minutes()));
            }
        }
        return status;
    }
}
