package org.assemblyhub.assembly;

import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.HUB_ONLY;
import static org.assemblyhub.kernel.plug.WireCommand.ORGANISERS;
import static org.assemblyhub.kernel.plug.WireCommand.heavy;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.access.SealedDelivery;
import org.assemblyhub.assembly.domain.AssemblyCommand.*;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.PlainWire;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wire commands of the assembly itself (roster, invitations, phases, announcements). New
 * invitation tokens are minted here, after the sender's role was checked; only their hashes go into the command.
 */
public final class AssemblyWire {
    static final int MAX_NAME = 120;
    static final int MAX_CONTACT = 200;
    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_ATTRIBUTE = 100;
    static final int MAX_PEOPLE = 5_000;

    private AssemblyWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            of("announce", DESK, (a, c) -> PlainWire.plain(a.requiredText("text", 10_000), Announce::new)),
            of("change-phase", DESK, (a, c) -> {
                Phase phase = Phase.parse(a.requiredText("phase", 40));
                return phase == null
                        ? Decoded.invalid("Unknown phase; use onboarding, learning, deliberation, decision or closed.")
                        : Decoded.ok(new ChangePhase(phase));
            }),
            heavy("reissue-invitation", ORGANISERS, (a, c) -> {
                String personId = a.id("personId");
                String token = c.tokens().newToken(c.assemblyId());
                return Decoded.ok(
                        new IssueInvitation(personId, Tokens.hash(token)),
                        handOver(c, Map.of(personId, token), "token", token).put("personId", personId));
            }),
            // The hub's outreach: it derives the token from its link secret and this nonce, and mails the link itself.
            of("issue-linked-invitation", HUB_ONLY, AssemblyWire::linkedInvitation),
            of(
                    "mark-phone-only",
                    ORGANISERS,
                    (a, c) -> Decoded.ok(new MarkPhoneOnly(a.id("personId"), a.flag("phoneOnly", true)))),
            of("revoke-invitation", ORGANISERS, (a, c) -> Decoded.ok(new RevokeInvitation(a.id("personId")))),
            of("erase-person", ORGANISERS, (a, c) -> Decoded.ok(new ErasePerson(a.id("personId")))),
            of("edit-person", ORGANISERS, AssemblyWire::editPerson),
            of("change-role", ORGANISERS, (a, c) -> {
                Role role = Role.parse(a.requiredText("role", 40));
                return role == null
                        ? Decoded.invalid("Unknown role; use organiser, facilitator, member, expert or observer.")
                        : Decoded.ok(new ChangeRole(a.id("personId"), role));
            }),
            of("remove-person", ORGANISERS, (a, c) -> Decoded.ok(new RemovePerson(a.id("personId")))),
            of("set-retention", ORGANISERS, (a, c) -> {
                String until = a.text("until", 10);
                if (until == null || until.isBlank()) return Decoded.ok(new SetRetention(null));
                try {
                    return Decoded.ok(new SetRetention(LocalDate.parse(until.trim())));
                } catch (DateTimeParseException e) {
                    return Decoded.invalid("'until' must be a day as YYYY-MM-DD (or empty: no retention day).");
                }
            }),
            heavy("import-roster", ORGANISERS, AssemblyWire::importRoster),
            of("create-assembly", HUB_ONLY, AssemblyWire::create));

    private static Decoded create(WireArgs a, WireCommand.Context c) {
        String organiserName = a.requiredText("organiserName", MAX_NAME);
        Person organiser = new Person("organiser-1", organiserName, null, Role.ORGANISER, Map.of());
        String deliveryKey = a.text("deliveryKey", 8_192);
        String fingerprint = null;
        if (deliveryKey != null) {
            try {
                fingerprint = SealedDelivery.fingerprint(SealedDelivery.publicKey(deliveryKey));
            } catch (IllegalArgumentException e) {
                throw new WireArgs.BadArgs(
                        "'deliveryKey' is " + e.getMessage() + " — make one with ./hub invitations keygen.");
            }
        }
        String token = c.tokens().newToken(c.assemblyId());
        return Decoded.ok(
                new CreateAssembly(
                        c.assemblyId(),
                        a.requiredText("title", 10_000),
                        a.text("question", 10_000),
                        a.flag("public", false),
                        organiser,
                        Tokens.hash(token),
                        deliveryKey,
                        fingerprint),
                new JsonObject().put("personId", organiser.id()).put("token", token));
    }

    /** Only what is given changes; the same limits as an import. */
    private static Decoded editPerson(WireArgs a, WireCommand.Context c) {
        String personId = a.id("personId");
        JsonObject row = a.raw().copy().put("id", personId).put("role", "member");
        if (!row.containsKey("name")) row.put("name", "unchanged");
        Person read = person(new WireArgs(row));
        return Decoded.ok(new EditPerson(
                personId,
                a.has("name") ? read.displayName() : null,
                a.has("contact") ? (read.contact() == null ? "" : read.contact()) : null,
                a.has("attributes") ? read.attributes() : null));
    }

    private static Decoded linkedInvitation(WireArgs a, WireCommand.Context c) {
        String hash = a.requiredText("tokenHash", 64);
        String nonce = a.requiredText("linkNonce", 64);
        if (!hash.matches("[0-9a-f]{64}") || !nonce.matches("[A-Za-z0-9_-]{16,64}"))
            throw new WireArgs.BadArgs("'tokenHash' is a SHA-256 in hex and 'linkNonce' a base64url nonce.");
        return Decoded.ok(new IssueInvitation(a.id("personId"), hash, nonce));
    }

    /** Every row is read before a single token is minted: a bad row costs nothing. */
    private static Decoded importRoster(WireArgs a, WireCommand.Context c) {
        if (!a.has("people")) throw new WireArgs.BadArgs("'people' is required.");
        JsonArray rows = a.list("people", MAX_PEOPLE);
        List<Person> people = new ArrayList<>();
        Set<String> phoneOnly = new HashSet<>();
        for (Object row : rows) {
            if (!(row instanceof JsonObject r)) throw new WireArgs.BadArgs("Each person must be an object.");
            WireArgs args = new WireArgs(r);
            Person person = person(args);
            people.add(person);
            if (args.flag("phoneOnly", false)) phoneOnly.add(person.id());
        }
        List<String> hashes = new ArrayList<>();
        Map<String, String> issued = new LinkedHashMap<>();
        for (Person person : people) {
            String token = c.tokens().newToken(c.assemblyId());
            hashes.add(Tokens.hash(token));
            issued.put(person.id(), token);
        }
        return Decoded.ok(
                new ImportRoster(people, hashes, phoneOnly),
                handOver(c, issued, "tokens", new JsonObject(new LinkedHashMap<>(issued))));
    }

    /**
     * What the organiser gets back for new invitations: the tokens themselves, or — when the assembly's invitations
     * are sealed for a delivery officer — one envelope only the officer can open.
     */
    private static JsonObject handOver(WireCommand.Context c, Map<String, String> tokens, String field, Object plain) {
        if (c.deliveryKey() == null) return new JsonObject().put(field, plain);
        return new JsonObject().put("sealed", SealedDelivery.seal(SealedDelivery.publicKey(c.deliveryKey()), tokens));
    }

    static Person person(WireArgs r) {
        String id = r.requiredText("id", WireArgs.MAX_ID);
        if (!id.matches("[A-Za-z0-9._-]+"))
            throw new WireArgs.BadArgs("Person id '" + id + "' may use only letters, digits, '.', '_' and '-'.");
        Role role = Role.parse(r.text("role", 40) == null ? "member" : r.text("role", 40));
        if (role == null) throw new WireArgs.BadArgs("Unknown role '" + r.text("role", 40) + "' for '" + id + "'.");
        Map<String, String> attributes = new LinkedHashMap<>();
        WireArgs attrs = r.object("attributes");
        if (attrs != null) {
            if (attrs.raw().size() > MAX_ATTRIBUTES)
                throw new WireArgs.BadArgs("At most " + MAX_ATTRIBUTES + " attributes per person.");
            for (String key : attrs.raw().fieldNames()) {
                if (key.length() > MAX_ATTRIBUTE || !(attrs.raw().getValue(key) instanceof String)) {
                    throw new WireArgs.BadArgs("Attribute '" + key + "' of '" + id + "' must be text of at most "
                            + MAX_ATTRIBUTE + " characters.");
                }
                attributes.put(key, attrs.text(key, MAX_ATTRIBUTE));
            }
        }
        return new Person(id, r.requiredText("name", MAX_NAME), r.text("contact", MAX_CONTACT), role, attributes);
    }
}
