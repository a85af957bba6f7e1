package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.Capabilities;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.testing.FuzzSweep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The wire decoder fuzzed: any command name with any arguments from anyone is answered — a domain command, or a
 * refusal with a known code and a message — and never throws; whoever may not send a command gets exactly the role
 * gate's refusal whatever the arguments. Input: byte 0 picks the sender, then the command's name up to a line feed,
 * then its arguments as JSON (inputs that are not a JSON object are what the gateway already refuses as
 * {@code malformed-json}). Seeds in {@code WireFuzzTestInputs/}; runs like {@code JournalFuzzTest}: seeds and a short
 * sweep in every build, {@code JAZZER_FUZZ=1} for the coverage-guided fuzzer.
 */
@Tag("fuzz")
class WireFuzzTest {
    static final Duration SWEEP = Duration.ofSeconds(Long.getLong("fuzz.sweep.seconds", 2));
    static final Set<String> CODES =
            Set.of("forbidden", "unknown-command", "invalid-args", "markup-not-allowed", "invalid-script");
    private static final WireCommands WIRE = new WireCommands(
            "fuzz",
            new Tokens(new SplittableRandom(1)),
            new SplittableRandom(2),
            new Rules(Capabilities.standard()).wire());
    private static final List<String> NAMES = List.copyOf(WIRE.names());
    private static final Actor[] SENDERS = {
        Actor.person("o1", Role.ORGANISER),
        Actor.person("f1", Role.FACILITATOR),
        Actor.person("m1", Role.MEMBER),
        Actor.publicObserver(),
        Actor.person("x1", Role.EXPERT),
        Actor.person("v1", Role.OBSERVER),
        Actor.HUB
    };

    static void anyCommandFromAnyone(byte[] input) {
        if (input.length == 0) return;
        Actor actor = SENDERS[Math.floorMod(input[0], SENDERS.length)];
        String rest = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        int newline = rest.indexOf('\n');
        String name = newline < 0 ? rest : rest.substring(0, newline);
        JsonObject args;
        try {
            args = newline < 0 ? new JsonObject() : new JsonObject(rest.substring(newline + 1));
        } catch (DecodeException | ClassCastException e) {
            return;
        }
        if (name.length() == 1) name = NAMES.get(Math.floorMod(name.charAt(0), NAMES.size()));

        Decoded decoded = WIRE.decode(actor, name, args);

        assertThat(decoded.command() == null)
                .as("a command or a refusal, never both or neither")
                .isEqualTo(decoded.error() != null);
        if (decoded.error() != null) {
            assertThat(decoded.error().getString("code")).isIn(CODES);
            assertThat(decoded.error().getString("message"))
                    .isNotBlank()
                    .as("a decoder fault, not the sender's: every argument problem has its own sentence")
                    .isNotEqualTo(WireCommands.DECODER_FAULT);
        }
        JsonObject gate = WIRE.refusal(actor, name);
        if (gate != null)
            assertThat(decoded.error())
                    .as("the role gate answers before any argument is read")
                    .isEqualTo(gate);
    }

    @FuzzTest(maxDuration = "10m")
    void any_command_from_anyone_is_answered_never_thrown(byte[] input) {
        anyCommandFromAnyone(input);
    }

    @Test
    void a_few_seconds_of_random_commands_from_anyone_are_all_answered() throws Exception {
        FuzzSweep.run(
                "wire-any-command",
                SWEEP,
                FuzzSweep.seeds(WireFuzzTest.class, "any_command_from_anyone_is_answered_never_thrown"),
                WireFuzzTest::anyCommandFromAnyone);
    }
}
