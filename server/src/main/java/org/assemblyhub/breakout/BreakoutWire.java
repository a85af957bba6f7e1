package org.assemblyhub.breakout;

import static org.assemblyhub.kernel.plug.PlainWire.checked;
import static org.assemblyhub.kernel.plug.PlainWire.plain;
import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.PARTICIPANTS;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import org.assemblyhub.breakout.domain.BreakoutCommand.*;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.*;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;

import java.util.List;
import java.util.Set;

/**
 * Wire commands of breakout rounds (the lead's desk) and of each group's workspace (cards, notes, queue, chat, help).
 */
public final class BreakoutWire {
    static final int MAX_NOTES = 20_000;
    static final int MAX_CARD = 2_000;

    /** Who may visit a group: the desk, and experts. */
    private static final Set<Role> VISITORS = Set.of(Role.ORGANISER, Role.FACILITATOR, Role.EXPERT);

    private BreakoutWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            of(
                    "plan-breakouts",
                    DESK,
                    (a, c) -> Decoded.ok(new PlanBreakouts(
                            c.random().nextLong(), a.integer("minSize", 1, 100, 7), a.integer("maxSize", 1, 100, 8)))),
            of(
                    "move-member",
                    DESK,
                    (a, c) -> Decoded.ok(new MoveMember(a.id("personId"), a.integer("group", 1, WireArgs.MAX_GROUP)))),
            of(
                    "pin-member",
                    DESK,
                    (a, c) -> Decoded.ok(new PinMember(a.id("personId"), a.integer("group", 0, WireArgs.MAX_GROUP)))),
            of(
                    "keep-apart",
                    DESK,
                    (a, c) -> Decoded.ok(new KeepApart(a.id("personId"), a.id("otherId"), a.flag("apart", true)))),
            of("allow-group-extensions", DESK, (a, c) -> Decoded.ok(new AllowGroupExtensions(a.flag("allowed", true)))),
            of("extend-group", DESK, (a, c) -> Decoded.ok(new ExtendGroup(a.integer("minutes", 1, 240)))),
            of(
                    "visit-group",
                    VISITORS,
                    (a, c) -> Decoded.ok(new VisitGroup(a.integer("group", 1, WireArgs.MAX_GROUP)))),
            of("leave-group", VISITORS, (a, c) -> Decoded.ok(new LeaveGroup())),
            of("open-breakouts", DESK, (a, c) -> Decoded.ok(new OpenBreakouts())),
            of("close-breakouts", DESK, (a, c) -> Decoded.ok(new CloseBreakouts())),
            of("edit-notes", PARTICIPANTS, (a, c) -> {
                String text = a.text("text", MAX_NOTES);
                Integer base = a.optionalInteger("base", 0, Integer.MAX_VALUE);
                return Decoded.ok(new EditNotes(text == null ? "" : text, base));
            }),
            of("add-idea", PARTICIPANTS, (a, c) -> plain(a.requiredText("text", MAX_CARD), AddIdea::new)),
            of("edit-idea", PARTICIPANTS, (a, c) -> {
                String ideaId = a.id("ideaId");
                return plain(a.requiredText("text", MAX_CARD), text -> new EditIdea(ideaId, text));
            }),
            of("star-idea", PARTICIPANTS, (a, c) -> Decoded.ok(new StarIdea(a.id("ideaId"), a.flag("starred", true)))),
            of("merge-ideas", PARTICIPANTS, (a, c) -> Decoded.ok(new MergeIdeas(a.id("intoId"), a.id("fromId")))),
            of("raise-hand", PARTICIPANTS, (a, c) -> {
                String note = a.text("note", MAX_CARD);
                return checked(new RaiseHand(note, a.optionalId("messageId")), note);
            }),
            of("post-message", PARTICIPANTS, (a, c) -> {
                String text = a.text("text", MAX_CARD);
                return plain(text == null ? "" : text, PostMessage::new);
            }),
            of("hide-message", PARTICIPANTS, (a, c) -> {
                String reason = a.text("reason", MAX_CARD);
                return checked(new HideMessage(a.id("messageId"), reason), reason);
            }),
            of("lower-hand", PARTICIPANTS, (a, c) -> Decoded.ok(new LowerHand())),
            of("give-floor", PARTICIPANTS, (a, c) -> Decoded.ok(new GiveFloor(a.optionalId("personId")))),
            of("call-help", PARTICIPANTS, (a, c) -> Decoded.ok(new CallHelp())),
            of("answer-help", DESK, (a, c) -> Decoded.ok(new AnswerHelp(a.integer("group", 1, WireArgs.MAX_GROUP)))),
            of("promote-idea", PARTICIPANTS, (a, c) -> Decoded.ok(new PromoteIdea(a.id("ideaId")))),
            of("group-reports", PARTICIPANTS, (a, c) -> Decoded.ok(new ListReports())),
            of(
                    "group-report",
                    PARTICIPANTS,
                    (a, c) -> Decoded.ok(
                            new ReadReport(a.integer("round", 1, 10_000), a.integer("group", 1, WireArgs.MAX_GROUP)))),
            of("publish-harvest", DESK, (a, c) -> Decoded.ok(new PublishHarvest(a.id("ideaId")))));
}
