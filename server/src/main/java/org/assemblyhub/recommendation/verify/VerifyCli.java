package org.assemblyhub.recommendation.verify;

import org.assemblyhub.support.Jackson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./hub verify ballot EXPORT.json [--head HASH]}: prints the re-count, or the first inconsistency (exit 1). */
public final class VerifyCli {
    private VerifyCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !"ballot".equals(args[0])) {
            System.err.println("usage: hub verify ballot EXPORT.json [--head HASH]");
            System.exit(2);
        }
        String head = args.length >= 4 && "--head".equals(args[2]) ? args[3] : null;
        BallotVerifier.Report report;
        try {
            report = BallotVerifier.verify(Jackson.MAPPER.readTree(Files.readAllBytes(Path.of(args[1]))), head);
        } catch (IOException e) {
            System.err.println("cannot read " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        report.lines().forEach(System.out::println);
        if (report.ok()) {
            System.out.println("OK: the chain is intact and the re-count matches the published result.");
        } else {
            System.out.println("INCONSISTENT: " + report.problem());
            System.exit(1);
        }
    }
}
