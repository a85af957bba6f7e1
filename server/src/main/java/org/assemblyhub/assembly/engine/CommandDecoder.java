package org.assemblyhub.assembly.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.access.Tokens;
import org.assemblyhub.assembly.domain.Actor;
import org.assemblyhub.assembly.domain.AssemblyCommand.*;
import org.assemblyhub.assembly.domain.Person;
import org.assemblyhub.assembly.domain.Phase;
import org.assemblyhub.assembly.domain.Role;
import org.assemblyhub.breakout.domain.BreakoutCommand;
import org.assemblyhub.breakout.workspace.WorkspaceCommand;
import org.assemblyhub.live.ScriptPlans;
import org.assemblyhub.live.domain.SessionCommand;
import org.assemblyhub.scripts.ScriptReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire commands ({@code name} + {@code args}) → domain commands. Checks only the shape of the arguments; whether the
 * command is allowed (role, phase, state) is the decider's call. New invitation tokens are made here, and only their
 * hashes go into the command.
 */
final class CommandDecoder {
    static final int MAX_ID = 64;
    static final int MAX_NAME = 120;
    static final int MAX_CONTACT = 200;
    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_ATTRIBUTE = 100;

    /** Seeds for breakout plans: recorded in the plan, so the groups can be recomputed from the journal. */
    private static final java.security.SecureRandom SEEDS = new java.security.SecureRandom();

    private final String assemblyId;
    private final Tokens tokens;

    CommandDecoder(String assemblyId, Tokens tokens) {
        this.assemblyId = assemblyId;
        this.tokens = tokens;
    }

    Decoded decode(Actor actor, String name, JsonObject args) {
        if (name == null) return Decoded.failed("unknown-command", "The command has no name.");
        JsonObject a = args == null ? new JsonObject() : args;
        try {
            return switch (name) {
                case "announce" -> Decoded.ok(new Announce(requireString(a, "text", 10_000)));
                case "change-phase" -> {
                    Phase phase = Phase.parse(requireString(a, "phase", 40));
                    yield phase == null
                            ? Decoded.invalid("Unknown phase; use onboarding, learning, deliberation, decision or closed.")
                            : Decoded.ok(new ChangePhase(phase));
                }
                case "reissue-invitation" -> {
                    String personId = requireString(a, "personId", MAX_ID);
                    String token = tokens.newToken(assemblyId);
                    yield Decoded.ok(new IssueInvitation(personId, Tokens.hash(token)),
                            new JsonObject().put("personId", personId).put("token", token));
                }
                case "revoke-invitation" -> Decoded.ok(new RevokeInvitation(requireString(a, "personId", MAX_ID)));
                case "import-roster" -> importRoster(a);
                case "attach-script" -> attachScript(requireString(a, "yaml", 1024 * 1024));
                case "appoint-lead" -> Decoded.ok(new SessionCommand.AppointLead(requireString(a, "personId", MAX_ID), false));
                case "start-session" -> Decoded.ok(new SessionCommand.StartSession(requireString(a, "sessionId", MAX_ID)));
                case "pause-session" -> Decoded.ok(new SessionCommand.PauseSession());
                case "resume-session" -> Decoded.ok(new SessionCommand.ResumeSession());
                case "extend-segment" -> Decoded.ok(new SessionCommand.ExtendSegment(requireInt(a, "minutes")));
                case "skip-segment" -> Decoded.ok(new SessionCommand.SkipSegment());
                case "go-back" -> Decoded.ok(new SessionCommand.GoBack());
                case "end-session" -> Decoded.ok(new SessionCommand.EndSession());
                case "plan-breakouts" -> Decoded.ok(new BreakoutCommand.PlanBreakouts(SEEDS.nextLong(),
                        optionalInt(a, "minSize", 7), optionalInt(a, "maxSize", 8)));
                case "move-member" -> Decoded.ok(new BreakoutCommand.MoveMember(requireString(a, "personId", MAX_ID), requireInt(a, "group")));
                case "pin-member" -> Decoded.ok(new BreakoutCommand.PinMember(requireString(a, "personId", MAX_ID), requireInt(a, "group")));
                case "keep-apart" -> Decoded.ok(new BreakoutCommand.KeepApart(requireString(a, "personId", MAX_ID),
                        requireString(a, "otherId", MAX_ID), !Boolean.FALSE.equals(a.getValue("apart"))));
                case "allow-group-extensions" -> Decoded.ok(new BreakoutCommand.AllowGroupExtensions(!Boolean.FALSE.equals(a.getValue("allowed"))));
                case "extend-group" -> Decoded.ok(new BreakoutCommand.ExtendGroup(requireInt(a, "minutes"), 0));
                case "open-breakouts" -> Decoded.ok(new BreakoutCommand.OpenBreakouts());
                case "close-breakouts" -> Decoded.ok(new BreakoutCommand.CloseBreakouts());
                case "edit-notes" -> Decoded.ok(new WorkspaceCommand.EditNotes(optionalString(a, "text", 20_000) == null ? "" : a.getString("text")));
                case "add-idea" -> plain(new WorkspaceCommand.AddIdea(requireString(a, "text", 2_000)), a.getString("text"));
                case "edit-idea" -> plain(new WorkspaceCommand.EditIdea(requireString(a, "ideaId", MAX_ID), requireString(a, "text", 2_000)), a.getString("text"));
                case "star-idea" -> Decoded.ok(new WorkspaceCommand.StarIdea(requireString(a, "ideaId", MAX_ID), !Boolean.FALSE.equals(a.getValue("starred"))));
                case "merge-ideas" -> Decoded.ok(new WorkspaceCommand.MergeIdeas(requireString(a, "intoId", MAX_ID), requireString(a, "fromId", MAX_ID)));
                case "raise-hand" -> Decoded.ok(new WorkspaceCommand.RaiseHand());
                case "lower-hand" -> Decoded.ok(new WorkspaceCommand.LowerHand());
                case "give-floor" -> Decoded.ok(new WorkspaceCommand.GiveFloor(optionalString(a, "personId", MAX_ID)));
                case "call-help" -> Decoded.ok(new WorkspaceCommand.CallHelp());
                case "answer-help" -> Decoded.ok(new WorkspaceCommand.AnswerHelp(requireInt(a, "group")));
                case "promote-idea" -> Decoded.ok(new WorkspaceCommand.PromoteIdea(requireString(a, "ideaId", MAX_ID)));
                case "publish-harvest" -> Decoded.ok(new WorkspaceCommand.PublishHarvest(requireString(a, "ideaId", MAX_ID)));
                case "create-assembly" -> actor.isHub() ? create(a) : Decoded.failed("forbidden", "Only the hub creates assemblies.");
                default -> {
                    Decoded other = DecisionDecoder.decode(name, a);
                    yield other != null ? other : Decoded.failed("unknown-command", "There is no command called '" + name + "'.");
                }
            };
        } catch (BadArgs e) {
            return Decoded.invalid(e.getMessage());
        }
    }

    /** Text others read (idea cards) is plain text: markup is refused, not silently altered. */
    private static Decoded plain(org.assemblyhub.assembly.domain.DomainCommand command, String text) {
        return org.assemblyhub.support.PlainText.hasMarkup(text)
                ? Decoded.failed("markup-not-allowed", "Write plain text: tags and other markup (<…>) are not accepted.")
                : Decoded.ok(command);
    }

    private static Decoded attachScript(String yaml) {
        ScriptReader.Result read = ScriptReader.read(yaml);
        if (!read.valid()) {
            JsonArray problems = new JsonArray();
            read.problems().forEach(p -> problems.add(new JsonObject().put("line", p.line()).put("where", p.where()).put("message", p.message())));
            String first = read.problems().stream().limit(3).map(Object::toString).reduce((x, y) -> x + "; " + y).orElse("");
            return new Decoded(null, null, Answers.error("invalid-script",
                    "The script has " + read.problems().size() + " problem(s): " + first, problems));
        }
        return Decoded.ok(new SessionCommand.AttachScript(read.script().title(), ScriptPlans.of(read.script())),
                new JsonObject().put("sessions", read.script().sessions().size()));
    }

    private Decoded create(JsonObject a) {
        String organiserName = requireString(a, "organiserName", MAX_NAME);
        Person organiser = new Person("organiser-1", organiserName, null, Role.ORGANISER, Map.of());
        String token = tokens.newToken(assemblyId);
        boolean isPublic = Boolean.TRUE.equals(a.getValue("public"));
        return Decoded.ok(new CreateAssembly(assemblyId, requireString(a, "title", 10_000),
                        optionalString(a, "question", 10_000), isPublic, organiser, Tokens.hash(token)),
                new JsonObject().put("personId", organiser.id()).put("token", token));
    }

    private Decoded importRoster(JsonObject a) {
        Object raw = a.getValue("people");
        if (!(raw instanceof JsonArray rows)) throw new BadArgs("'people' must be a list.");
        List<Person> people = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        JsonObject issued = new JsonObject();
        for (Object row : rows) {
            if (!(row instanceof JsonObject r)) throw new BadArgs("Each person must be an object.");
            Person person = person(r);
            String token = tokens.newToken(assemblyId);
            people.add(person);
            hashes.add(Tokens.hash(token));
            issued.put(person.id(), token);
        }
        return Decoded.ok(new ImportRoster(people, hashes), new JsonObject().put("tokens", issued));
    }

    static Person person(JsonObject r) {
        String id = requireString(r, "id", MAX_ID);
        if (!id.matches("[A-Za-z0-9._-]+")) throw new BadArgs("Person id '" + id + "' may use only letters, digits, '.', '_' and '-'.");
        Role role = Role.parse(r.getString("role", "member"));
        if (role == null) throw new BadArgs("Unknown role '" + r.getValue("role") + "' for '" + id + "'.");
        Map<String, String> attributes = new LinkedHashMap<>();
        Object rawAttributes = r.getValue("attributes");
        if (rawAttributes instanceof JsonObject attrs) {
            if (attrs.size() > MAX_ATTRIBUTES) throw new BadArgs("At most " + MAX_ATTRIBUTES + " attributes per person.");
            for (String key : attrs.fieldNames()) {
                Object value = attrs.getValue(key);
                if (!(value instanceof String s) || s.length() > MAX_ATTRIBUTE || key.length() > MAX_ATTRIBUTE) {
                    throw new BadArgs("Attribute '" + key + "' of '" + id + "' must be text of at most " + MAX_ATTRIBUTE + " characters.");
                }
                attributes.put(key, s);
            }
        } else if (rawAttributes != null) {
            throw new BadArgs("'attributes' must be an object.");
        }
        return new Person(id, requireString(r, "name", MAX_NAME), optionalString(r, "contact", MAX_CONTACT), role, attributes);
    }

    private static String requireString(JsonObject a, String key, int max) {
        String s = optionalString(a, key, max);
        if (s == null || s.isBlank()) throw new BadArgs("'" + key + "' is required.");
        return s;
    }

    private static int optionalInt(JsonObject a, String key, int fallback) {
        return a.getValue(key) == null ? fallback : requireInt(a, key);
    }

    private static int requireInt(JsonObject a, String key) {
        Object value = a.getValue(key);
        if (!(value instanceof Integer || value instanceof Long)) throw new BadArgs("'" + key + "' must be a whole number.");
        return ((Number) value).intValue();
    }

    private static String optionalString(JsonObject a, String key, int max) {
        Object value = a.getValue(key);
        if (value == null) return null;
        if (!(value instanceof String s)) throw new BadArgs("'" + key + "' must be text.");
        if (s.length() > max) throw new BadArgs("'" + key + "' is longer than " + max + " characters.");
        return s.strip();
    }

    static final class BadArgs extends RuntimeException {
        BadArgs(String message) {
            super(message, null, false, false);
        }
    }
}
