package org.assemblyhub.bench;

import io.vertx.core.Vertx;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.breakout.domain.AllocationQuality;
import org.assemblyhub.breakout.domain.BreakoutEvent;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.breakout.workspace.WorkspaceEvent;
import org.assemblyhub.engine.EventCodec;
import org.assemblyhub.engine.RecordedEvent;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.poll.domain.Answer;
import org.assemblyhub.poll.domain.PollEvent;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.store.FileEventStore;
import org.assemblyhub.store.JournalChain;
import org.assemblyhub.store.JournalRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -cp assembly-hub-bench.jar:assembly-hub.jar org.assemblyhub.bench.JournalGenerator DATA EVENTS}: one
 * assembly's journal of about EVENTS events, written through the hub's own {@link FileEventStore} and
 * {@link EventCodec}. The mix is that of evenings of deliberation: 200 members and 50 facilitators connecting and
 * leaving, announcements, a poll per evening answered by every member (a few change their minds), a breakout round of
 * 25 groups with notes edited again and again, ideas, raised hands and turns to speak.
 */
public final class JournalGenerator {
    static final String ASSEMBLY = "journal-bench";
    private static final int MEMBERS = 200;
    private static final int FACILITATORS = 50;
    private static final int BATCH = 500;

    private final FileEventStore store;
    private final SplittableRandom random = new SplittableRandom(2026);
    private final List<RecordedEvent> batch = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-05T18:00:00Z");
    private long seq;
    private long written;

    private JournalGenerator(FileEventStore store) {
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long events = Long.parseLong(args[1]);
        Vertx vertx = Vertx.vertx();
        FileEventStore store = new FileEventStore(vertx, data);
        long started = System.nanoTime();
        JournalGenerator generator = new JournalGenerator(store);
        generator.generate(events);
        store.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        Path journal = data.resolve("journal").resolve(ASSEMBLY + ".journal");
        System.out.printf(
                "generated %d events (%,d bytes) in %.1f s%n",
                generator.seq, Files.size(journal), (System.nanoTime() - started) / 1e9);
    }

    private void generate(long events) throws Exception {
        List<Person> people = new ArrayList<>();
        String[] areas = {"north", "south", "centre", "east", "west"};
        String[] ages = {"16-24", "25-34", "35-49", "50-64", "65+"};
        for (int f = 0; f < FACILITATORS; f++)
            people.add(new Person("f" + f, "Facilitator " + f, "f" + f + "@example.org", Role.FACILITATOR, Map.of()));
        for (int m = 0; m < MEMBERS; m++) {
            people.add(new Person(
                    "m" + m,
                    "Member " + m,
                    "m" + m + "@example.org",
                    Role.MEMBER,
                    Map.of("area", areas[m % areas.length], "age", ages[(m / 5) % ages.length])));
        }
        emit(
                new AssemblyEvent.AssemblyCreated(
                        ASSEMBLY,
                        "Citizens' assembly on the climate",
                        "How do we halve emissions by 2035, fairly?",
                        true,
                        null,
                        null),
                null);
        emit(new AssemblyEvent.PeopleAdded(people), "hub:import");
        for (Person p : people) emit(new AssemblyEvent.InvitationIssued(p.id(), hex(32)), null);
        emit(new AssemblyEvent.PhaseChanged(Phase.ONBOARDING, Phase.DELIBERATION), "o1:phase");
        for (int evening = 1; seq < events; evening++) evening(evening, people);
        flush();
    }

    /** One evening: everyone connects, news, a poll, a breakout round, everyone leaves. */
    private void evening(int evening, List<Person> people) throws Exception {
        now = now.plusSeconds(2 * 86_400);
        for (Person p : people) emit(new AssemblyEvent.PersonConnected(p.id(), tick()), null);
        for (int a = 0; a < 3; a++) {
            emit(
                    new AssemblyEvent.AnnouncementMade(
                            "a" + evening + "-" + a, "Evening " + evening + ": " + sentence(12), "f0", tick()),
                    "f0:a" + evening + a);
        }
        String pollId = "p" + evening;
        PollSpec spec = new PollSpec(
                PollKind.SINGLE,
                "Which measure first? (" + evening + ")",
                List.of("Trees", "Bikes", "Buses", "Insulation"),
                0,
                0,
                0,
                List.of(),
                true,
                true,
                PollSpec.Voters.EVERYONE,
                0,
                false,
                null,
                null,
                null,
                0,
                false);
        List<String> roll = people.stream()
                .filter(p -> p.role() == Role.MEMBER)
                .map(Person::id)
                .toList();
        emit(new PollEvent.PollOpened(pollId, spec, roll, 0, "f0", tick(), null, 0), "f0:poll" + evening);
        for (String member : roll) {
            emit(
                    new PollEvent.PollAnswered(
                            pollId, member, 0, new Answer(List.of(random.nextInt(4)), null, null), tick()),
                    member + ":v" + evening);
            if (random.nextInt(10) == 0) {
                emit(
                        new PollEvent.PollAnswered(
                                pollId, member, 0, new Answer(List.of(random.nextInt(4)), null, null), tick()),
                        member + ":w" + evening);
            }
        }
        emit(new PollEvent.PollClosed(pollId, tick(), "f0"), "f0:close" + evening);
        breakoutRound(evening);
        for (Person p : people) emit(new AssemblyEvent.PersonDisconnected(p.id(), tick()), null);
    }

    private void breakoutRound(int round) throws Exception {
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 25; g++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < 8; m++) members.add("m" + ((g * 8 + m + round * 3) % MEMBERS));
            groups.add(new Group(g + 1, "f" + (1 + g % (FACILITATORS - 1)), null, members));
        }
        AllocationQuality quality =
                new AllocationQuality(Map.of("area", 0.4, "age", 0.5), Map.of("area", 11.0, "age", 12.0), 0, 0);
        emit(new BreakoutEvent.BreakoutsPlanned(round, random.nextLong(), groups, quality, quality), "f0:plan" + round);
        emit(new BreakoutEvent.BreakoutsOpened(round, tick()), "f0:open" + round);
        int idea = 0;
        for (Group group : groups) {
            StringBuilder notes = new StringBuilder();
            for (int n = 0; n < 10; n++) {
                notes.append(sentence(6)).append(' ');
                String by = group.members().get(n % 8);
                emit(
                        new WorkspaceEvent.NotesEdited(round, group.number(), notes.toString(), by, tick()),
                        by + ":n" + round + "-" + n);
            }
            for (int i = 0; i < 4; i++) {
                String by = group.members().get(i * 2);
                emit(
                        new WorkspaceEvent.IdeaAdded(
                                "i" + round + "-" + (++idea), round, group.number(), sentence(10), by, tick()),
                        by + ":i" + round + "-" + idea);
                emit(new WorkspaceEvent.HandRaised(round, group.number(), by, tick()), by + ":h" + round + "-" + i);
                emit(
                        new WorkspaceEvent.FloorGiven(round, group.number(), by, tick()),
                        group.leadFacilitator() + ":g" + round + "-" + i);
                emit(new WorkspaceEvent.HandLowered(by), by + ":l" + round + "-" + i);
            }
        }
        emit(new BreakoutEvent.BreakoutsClosed(round, tick()), "f0:closed" + round);
    }

    /** The hash chain's head after the records written so far (see JournalChain). */
    private String head = JournalChain.genesis(ASSEMBLY);

    private void emit(DomainEvent event, String commandKey) throws Exception {
        batch.add(new RecordedEvent(++seq, now, commandKey, event));
        if (batch.size() >= BATCH) flush();
    }

    private void flush() throws Exception {
        if (batch.isEmpty()) return;
        EventCodec.Encoded encoded = EventCodec.encode(batch, head);
        List<JournalRecord> records = encoded.records();
        head = encoded.head();
        store.append(ASSEMBLY, written, records)
                .toCompletionStage()
                .toCompletableFuture()
                .get(1, TimeUnit.MINUTES);
        written += records.size();
        batch.clear();
    }

    private Instant tick() {
        now = now.plusMillis(200 + random.nextInt(2_000));
        return now;
    }

    private static final String[] WORDS = {
        "bus",
        "lane",
        "tree",
        "heat",
        "pump",
        "school",
        "street",
        "market",
        "river",
        "solar",
        "roof",
        "bike",
        "park",
        "energy",
        "price",
        "fair",
        "village",
        "train",
        "district",
        "neighbour"
    };

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return s.append('.').toString();
    }

    private String hex(int bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes; i++) s.append(String.format("%02x", random.nextInt(256)));
        return s.toString();
    }
}
