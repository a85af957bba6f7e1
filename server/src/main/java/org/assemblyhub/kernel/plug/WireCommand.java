package org.assemblyhub.kernel.plug;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Tokens;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One command of the wire protocol: its name, which roles may send it at all (checked before a single argument is
 * read, so nobody else can make the engine do any work for it), and how its arguments become a domain command. The
 * deciders still make the real call (the lead, the group, the phase); this gate only keeps out who never may.
 *
 * @param senders roles that may send it; empty: only the hub itself
 * @param heavy   decoding costs real time (a script to parse, tokens to mint): done off the engine's event loop
 */
public record WireCommand(String name, Set<Role> senders, boolean heavy, Decoder decoder) {
    /** Organisers only. */
    public static final Set<Role> ORGANISERS = Set.of(Role.ORGANISER);
    /** The plenary desk: organisers and facilitators (the decider checks for the lead). */
    public static final Set<Role> DESK = Set.of(Role.ORGANISER, Role.FACILITATOR);
    /** People who take part in groups and polls. */
    public static final Set<Role> PARTICIPANTS = Set.of(Role.ORGANISER, Role.FACILITATOR, Role.MEMBER);
    /** Members only (ballots). */
    public static final Set<Role> MEMBERS = Set.of(Role.MEMBER);

    public static final Set<Role> HUB_ONLY = Set.of();

    public interface Decoder {
        Decoded decode(WireArgs args, Context context);
    }

    /**
     * What a decoder may use besides the arguments: the assembly, the sender, a way to mint tokens, seeds, and the
     * delivery officer's public key (PEM) new invitations are sealed for (null: they go to the organiser).
     */
    public record Context(String assemblyId, Actor actor, Tokens tokens, RandomGenerator random, String deliveryKey) {}

    public static WireCommand of(String name, Set<Role> senders, Decoder decoder) {
        return new WireCommand(name, senders, false, decoder);
    }

    public static WireCommand heavy(String name, Set<Role> senders, Decoder decoder) {
        return new WireCommand(name, senders, true, decoder);
    }
}
