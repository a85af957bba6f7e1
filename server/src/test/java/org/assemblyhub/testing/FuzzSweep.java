package org.assemblyhub.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The bounded part of a fuzz test that runs in every build: the property is tried on the seed inputs of its Jazzer
 * fuzz test, mutated at random (bits flipped, bytes overwritten, inserted, removed, cut, chunks duplicated, seeds
 * spliced) for a few seconds from a seed that is printed. It is not coverage-guided — {@code JAZZER_FUZZ=1} runs the
 * real fuzzer — but it exercises the same property on thousands of damaged inputs at every {@code ./hub test}. A
 * failing input is written to {@code target/fuzz-findings/} so that it can become a seed and a plain test.
 */
public final class FuzzSweep {
    /** One fuzz target, as its {@code @FuzzTest} method calls it. */
    @FunctionalInterface
    public interface Property {
        void check(byte[] input) throws Exception;
    }

    private FuzzSweep() {}

    /** Seeds from a Jazzer inputs directory ({@code src/test/resources/<package>/<Class>Inputs/<method>}). */
    public static List<byte[]> seeds(Class<?> fuzzTest, String method) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(new byte[0]);
        URL resource = fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs/" + method);
        if (resource != null && "file".equals(resource.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(resource.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) seeds.add(Files.readAllBytes(file));
            }
        }
        return seeds;
    }

    /** Runs {@code property} on mutated seeds for {@code budget}; returns how many inputs were tried. */
    public static int run(String name, Duration budget, List<byte[]> seeds, Property property) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        long deadline = System.nanoTime() + budget.toNanos();
        int tried = 0;
        while (System.nanoTime() < deadline) {
            byte[] input = mutate(random, seeds.get(random.nextInt(seeds.size())), seeds);
            try {
                property.check(input);
            } catch (Throwable failure) {
                Path finding = Path.of("target", "fuzz-findings", name + "-" + seed + "-" + tried);
                Files.createDirectories(finding.getParent());
                Files.write(finding, input);
                throw new AssertionError(
                        name + " fails on input " + finding + " ("
                                + HexFormat.of().formatHex(input) + "); rerun with -Dfuzz.seed=" + seed,
                        failure);
            }
            tried++;
        }
        System.out.printf("%s: %,d inputs in %s (seed %d, -Dfuzz.seed to repeat)%n", name, tried, budget, seed);
        return tried;
    }

    private static byte[] mutate(SplittableRandom random, byte[] seed, List<byte[]> seeds) {
        byte[] out = seed.clone();
        int steps = 1 + random.nextInt(4);
        for (int i = 0; i < steps; i++) {
            int n = out.length;
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (n > 0) out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> {
                    if (n > 0) out[random.nextInt(n)] = (byte) random.nextInt(256);
                }
                case 2 -> out = insert(out, random.nextInt(n + 1), randomBytes(random, 1 + random.nextInt(32)));
                case 3 -> {
                    if (n > 0) out = remove(out, random.nextInt(n), 1 + random.nextInt(Math.min(n, 32)));
                }
                case 4 -> {
                    if (n > 0) out = Arrays.copyOf(out, random.nextInt(n));
                }
                case 5 -> {
                    if (n > 0) {
                        int from = random.nextInt(n);
                        int len = 1 + random.nextInt(n - from);
                        out = insert(out, random.nextInt(n + 1), Arrays.copyOfRange(out, from, from + len));
                    }
                }
                default -> {
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    out = insert(out, random.nextInt(n + 1), Arrays.copyOf(other, random.nextInt(other.length + 1)));
                }
            }
        }
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = (byte) random.nextInt(256);
        return bytes;
    }

    private static byte[] insert(byte[] into, int at, byte[] bytes) {
        byte[] out = new byte[into.length + bytes.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(into, at, out, at + bytes.length, into.length - at);
        return out;
    }

    private static byte[] remove(byte[] from, int at, int count) {
        int end = Math.min(from.length, at + count);
        byte[] out = new byte[from.length - (end - at)];
        System.arraycopy(from, 0, out, 0, at);
        System.arraycopy(from, end, out, at, from.length - end);
        return out;
    }
}
