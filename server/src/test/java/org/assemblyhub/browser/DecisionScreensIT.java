package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** Polls, a consensus round in groups and a secret ballot, on real screens in headless Chromium. */
class DecisionScreensIT {
    static Playwright playwright;
    static Browser browser;
    final List<String> errors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, List.of());
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    private Page open(TestHub hub, String token) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        Invitations.accept(page, hub.url(), token);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    private static String roster(int members) {
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead Person,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= members; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        return csv.toString();
    }

    @Test
    void members_vote_in_a_live_poll_and_see_the_tally_move() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, roster(4));
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            LiveClient other = hub.client(setup.token("m2")).join(setup.assemblyId());
            Page member = open(hub, setup.token("m1"));
            organiser.call(
                    "poll",
                    "open-poll",
                    new JsonObject()
                            .put("kind", "single")
                            .put("question", "What first?")
                            .put("options", new JsonArray().add("Trees").add("Bikes")));

            Locator poll = member.locator("[data-testid=poll-p1]");
            poll.getByLabel("Trees").check();
            poll.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send my answer"))
                    .click();
            assertThat(poll.locator("[data-testid=answered]")).isVisible();
            assertThat(poll.locator("[data-testid=count]")).hasText(new String[] {"1", "0"});

            other.call("v", "answer-poll", new JsonObject().put("pollId", "p1").put("choices", new JsonArray().add(1)));
            assertThat(poll.locator("[data-testid=count]")).hasText(new String[] {"1", "1"});

            poll.getByLabel("Bikes").check();
            poll.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change my answer"))
                    .click();
            assertThat(poll.locator("[data-testid=count]")).hasText(new String[] {"0", "2"});
            member.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/poll-member.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void a_consensus_round_runs_in_two_groups_and_the_lead_sees_the_combined_result() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, roster(14));
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            Map<String, LiveClient> people = new HashMap<>();
            for (String id : new String[] {"f1", "f2"})
                people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
            for (int i = 1; i <= 14; i++)
                people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
            organiser.awaitView(v -> v.path("roster").path("m14").path("online").asBoolean());
            LiveClient leadSocket = hub.client(setup.token("f0")).join(setup.assemblyId());
            leadSocket.call("plan", "plan-breakouts", new JsonObject());
            leadSocket.call("open", "open-breakouts", new JsonObject());
            Map<Integer, List<String>> groups = new HashMap<>();
            for (int i = 1; i <= 14; i++) {
                int g = people.get("m" + i)
                        .awaitView(v -> v.path("breakouts")
                                        .path("myGroup")
                                        .path("number")
                                        .asInt(0)
                                > 0)
                        .path("breakouts")
                        .path("myGroup")
                        .path("number")
                        .asInt();
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add("m" + i);
            }
            Page lead = open(hub, setup.token("f0"));
            Page inGroup1 = open(hub, setup.token(groups.get(1).get(0)));
            Page inGroup2 = open(hub, setup.token(groups.get(2).get(0)));

            lead.getByText("Open a poll or a consensus round").click();
            lead.getByLabel("Kind").selectOption(new SelectOption().setValue("gradients"));
            lead.getByLabel("Question or statement").fill("Protected cycle lanes on every main road");
            assertThat(lead.getByLabel("Run it in every group at once (consensus rounds)"))
                    .isChecked();
            lead.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Open").setExact(true))
                    .click();

            for (Page member : List.of(inGroup1, inGroup2)) {
                Locator round = member.locator("[data-testid=poll-p1]");
                round.getByLabel("Wholehearted endorsement").check();
                round.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send my answer"))
                        .click();
                assertThat(round.locator("[data-testid=answered]")).isVisible();
            }
            for (List<String> members : groups.values()) {
                for (String m : members.subList(1, members.size())) {
                    people.get(m)
                            .call(
                                    "v",
                                    "answer-poll",
                                    new JsonObject().put("pollId", "p1").put("value", 2));
                }
            }

            Locator desk = lead.locator("[data-testid=poll-p1]");
            assertThat(desk).containsText("14 / 14 answered");
            assertThat(desk.locator("[data-testid=group-result]")).hasCount(2);
            assertThat(desk.locator("[data-testid=outcome]").first()).containsText("Adopted");
            assertThat(inGroup1.locator("[data-testid=poll-p1] [data-testid=group-result]"))
                    .hasCount(1);
            lead.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/consensus-lead.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void a_member_casts_a_secret_ballot_and_later_finds_their_tracker_in_the_published_list() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, roster(5));
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            List<LiveClient> others = new ArrayList<>();
            for (int i = 2; i <= 5; i++)
                others.add(hub.client(setup.token("m" + i)).join(setup.assemblyId()));
            Page member = open(hub, setup.token("m1"));
            organiser.awaitView(v -> v.path("roster").path("m5").path("online").asBoolean()
                    && v.path("roster").path("m1").path("online").asBoolean());
            lead.call(
                    "d",
                    "propose-draft",
                    new JsonObject().put("title", "Cycle lanes").put("text", "Build protected cycle lanes."));
            organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
            lead.call(
                    "b",
                    "open-ballot",
                    new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")));

            Locator ballot = member.locator("[data-testid=ballot-b1]");
            ballot.getByLabel("Support", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            ballot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cast my vote"))
                    .click();
            Locator tracker = ballot.locator("[data-testid=my-tracker]");
            assertThat(tracker).hasText(Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
            String mine = tracker.textContent();
            for (int i = 0; i < others.size(); i++) {
                others.get(i)
                        .command(
                                "c" + i,
                                "cast-ballot",
                                new JsonObject()
                                        .put("ballotId", "b1")
                                        .put("levels", new JsonArray().add(1))
                                        .put("secret", String.format("%032x", 1000 + i)));
            }
            for (int i = 0; i < others.size(); i++) {
                String id = "c" + i;
                others.get(i).await(m -> id.equals(m.path("id").asText()));
            }
            lead.call("close", "close-ballot", new JsonObject().put("ballotId", "b1"));

            assertThat(ballot.locator("[data-testid=tracker-found]")).containsText("Found, counted");
            assertThat(ballot.locator("[data-testid=tracker-found]")).containsText("Cycle lanes: Support");
            assertThat(ballot.locator("[data-testid=ballot-result]")).containsText("Adopted");
            assertThat(ballot.locator("tr.mine")).containsText(mine);
            member.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/ballot-member.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
        }
    }
}
