package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decisions read as sentences, in French: the rule of a consensus round and of a ballot, a scale's end labels,
 * published choices by their labels, results on a phone; why someone cannot vote, said before the form; and nothing
 * typed is lost to a reload until the hub has it.
 */
class ReadableDecisionsIT {
    static Playwright playwright;
    static Browser browser;
    final List<String> errors = new CopyOnWriteArrayList<>();

    static final Set<String> SUPPORT_LABELS =
            Set.of("Tout à fait pour", "Pour", "Abstention", "Contre", "Tout à fait contre");

    /** The rule builder, called in the page with both languages' strings. */
    static final String SENTENCES =
            """
            async (rules) => {
              const { ruleSentences, ruleParts } = await import('/poll/rules.js');
              const { dictionaries } = await import('/i18n/i18n.js');
              const all = dictionaries();
              const out = {};
              for (const lang of ['fr', 'en']) {
                const t = (k, p = {}) => (all[lang][k] ?? 'MISSING ' + k).replace(/\\{(\\w+)\\}/g, (_, n) => String(p[n] ?? ''));
                out[lang] = rules.map(([line, scale]) => ruleSentences(ruleParts(null, line), { scale }, t).join(' '));
              }
              return out;
            }""";

    static final String NO_HORIZONTAL_SCROLL =
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";

    /** Each result bar of a poll: its drawn width, and the part of it its value fills. */
    static final String BARS =
            """
            (bars) => bars.map((b) => ({ width: b.getBoundingClientRect().width, filled: b.getBoundingClientRect().width * b.value / b.max }))""";

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
        Page page = browser.newContext(
                        new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1280, 900))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        Invitations.accept(page, hub.url(), token);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    private static String roster(int members) {
        StringBuilder csv = new StringBuilder("id,name,role\nf0,Lead Person,facilitator\nf1,Fac One,facilitator\n");
        for (int i = 1; i <= members; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        return csv.toString();
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/" + name + ".png"))
                .setFullPage(true));
    }

    @Test
    void a_round_a_ballot_and_a_scale_poll_read_as_sentences_in_french_on_a_desk_and_on_a_phone() {
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

            organiser.call(
                    "round",
                    "open-poll",
                    new JsonObject()
                            .put("kind", "gradients")
                            .put("question", "Des pistes cyclables protégées")
                            .put(
                                    "rule",
                                    new JsonObject().put("threshold", "4/5").put("quorum", "2/3")));
            organiser.call(
                    "scale",
                    "open-poll",
                    new JsonObject()
                            .put("kind", "scale")
                            .put("question", "Le quartier est-il sûr à vélo ?")
                            .put(
                                    "labels",
                                    new JsonArray().add("Pas du tout d'accord").add("Tout à fait d'accord")));
            for (int i = 0; i < others.size(); i++) {
                others.get(i)
                        .call(
                                "r" + i,
                                "answer-poll",
                                new JsonObject().put("pollId", "p1").put("value", 1));
            }
            others.get(0)
                    .call(
                            "s",
                            "answer-poll",
                            new JsonObject().put("pollId", "p2").put("value", 4));

            Locator round = member.locator("[data-testid=poll-p1]");
            assertThat(round.locator("[data-testid=rule]"))
                    .containsText("Adoptée si au moins 4 sur 5 des votant·es la soutiennent");
            assertThat(round.locator("[data-testid=rule]")).containsText("qu'au moins 2 sur 3 des membres votent");
            assertThat(round.locator("[data-testid=rule]")).containsText("Un blocage la renvoie à un nouveau tour.");
            assertThat(round.locator("[data-testid=outcome]"))
                    .containsText("Soutien : 4 sur 4 ; il faut au moins 4 sur 5.");
            Locator scale = member.locator("[data-testid=poll-p2]");
            assertThat(scale.getByLabel("1 : Pas du tout d'accord")).isVisible();
            assertThat(scale.getByLabel("5 : Tout à fait d'accord")).isVisible();
            assertThat(scale.locator(".bar-label").first()).hasText("1 : Pas du tout d'accord");
            assertThat(scale.locator(".bar-label").last()).hasText("5 : Tout à fait d'accord");

            lead.call(
                    "d",
                    "propose-draft",
                    new JsonObject().put("title", "Pistes cyclables").put("text", "Construire des pistes protégées."));
            organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
            lead.call(
                    "b",
                    "open-ballot",
                    new JsonObject().put("title", "Vote final").put("draftIds", new JsonArray().add("d1")));
            Locator ballot = member.locator("[data-testid=ballot-b1]");
            assertThat(ballot.locator("[data-testid=rule]"))
                    .containsText(
                            "Adoptée si au moins 4 sur 5 des votant·es la soutiennent (les abstentions ne comptent "
                                    + "pas), à condition qu'au moins 2 sur 3 des membres votent.");
            ballot.getByLabel("Pour", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            ballot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Voter"))
                    .click();
            assertThat(ballot.locator("[data-testid=my-tracker]")).isVisible();
            for (int i = 0; i < others.size(); i++) {
                others.get(i)
                        .call(
                                "c" + i,
                                "cast-ballot",
                                new JsonObject()
                                        .put("ballotId", "b1")
                                        .put("levels", new JsonArray().add(i % 2 == 0 ? 1 : 4))
                                        .put("secret", String.format("%032x", 1000 + i)));
            }
            lead.call("close", "close-ballot", new JsonObject().put("ballotId", "b1"));
            assertThat(ballot.locator("[data-testid=ballot-result]")).containsText("Non adopté");
            ballot.locator("details:has([data-testid=trackers]) > summary").click();
            List<String> choices =
                    ballot.locator("[data-testid=tracker-choice]").allTextContents();
            assertThat(choices).hasSize(5);
            assertThat(choices).allSatisfy(c -> assertThat(SUPPORT_LABELS).contains(c.strip()));
            assertThat(scale.locator("[data-testid=count]")).hasText(new String[] {"0", "0", "0", "1", "0"});

            String text = member.locator("main").innerText();
            assertThat(text).doesNotContain("threshold=", "Adopted", "support of", "reaches");
            screenshot(member, "decisions-fr-1280");

            member.setViewportSize(390, 844);
            assertThat((Boolean) member.evaluate(NO_HORIZONTAL_SCROLL))
                    .as("no horizontal scroll at 390 px")
                    .isTrue();
            @SuppressWarnings("unchecked")
            List<Map<String, Number>> bars =
                    (List<Map<String, Number>>) scale.locator("progress.bar").evaluateAll(BARS);
            assertThat(bars).hasSize(5);
            assertThat(bars.get(3).get("filled").doubleValue())
                    .as("the bar of 4")
                    .isGreaterThan(20);
            assertThat(bars)
                    .allSatisfy(b -> assertThat(b.get("width").doubleValue()).isGreaterThan(40));
            String tracker = ballot.locator("tr.mine td").first().innerText();
            assertThat(tracker).doesNotContain("\n");
            assertThat((Boolean)
                            ballot.locator(".table-room").evaluate("(room) => room.scrollWidth <= room.clientWidth"))
                    .as("the trackers' table fits a phone")
                    .isTrue();
            screenshot(member, "decisions-fr-390");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void a_draft_and_an_answer_typed_then_reloaded_come_back_and_are_forgotten_once_the_hub_has_them() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, roster(2));
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            Page lead = open(hub, setup.token("f0"));

            lead.getByText("Rédiger un projet de recommandation").click();
            lead.locator("#dr-title").fill("Bus de nuit");
            lead.locator("#dr-text").fill("Un bus toutes les 30 minutes la nuit.");
            lead.locator("#dr-benefits").fill("Rentrer sans voiture");
            lead.reload();
            assertThat(lead.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            assertThat(lead.locator("#dr-title")).hasValue("Bus de nuit");
            assertThat(lead.locator("#dr-text")).hasValue("Un bus toutes les 30 minutes la nuit.");
            assertThat(lead.locator("#dr-benefits")).hasValue("Rentrer sans voiture");
            assertThat(lead.locator("[data-testid=kept-note]")).isVisible();

            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proposer ce projet"))
                    .click();
            assertThat(lead.locator("[data-testid=draft-d1]")).containsText("Bus de nuit");
            assertThat(lead.locator("#dr-title")).hasValue("");
            assertThat(kept(lead)).isEmpty();

            lead.locator("[data-testid=draft-d1]")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Amender"))
                    .click();
            lead.locator("#am-text-d1").fill("Un bus toutes les 20 minutes la nuit.");
            lead.reload();
            assertThat(lead.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            assertThat(lead.locator("#am-text-d1")).hasValue("Un bus toutes les 20 minutes la nuit.");
            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'amendement"))
                    .click();
            assertThat(lead.locator("[data-testid=draft-d1]")).containsText("version 2");
            assertThat(lead.locator("#am-text-d1")).hasCount(0);
            assertThat(kept(lead)).isEmpty();

            lead.getByText("Rédiger un projet de recommandation").click();
            lead.locator("#dr-title").fill("Un autre brouillon");
            assertThat(kept(lead)).hasSize(1);
            lead.locator("[data-testid=leave-device]").click();
            lead.waitForURL(url -> url.contains("left=1"));
            assertThat(kept(lead))
                    .as("leaving this device forgets what was being written")
                    .isEmpty();

            organiser.call(
                    "text",
                    "open-poll",
                    new JsonObject().put("kind", "text").put("question", "Un mot pour la soirée ?"));
            Page member = open(hub, setup.token("m1"));
            member.getByLabel("Votre réponse (quelques mots)").fill("Enfin");
            member.reload();
            assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            assertThat(member.getByLabel("Votre réponse (quelques mots)")).hasValue("Enfin");
            member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma réponse"))
                    .click();
            assertThat(member.locator("[data-testid=answered]")).isVisible();
            assertThat(kept(member)).isEmpty();
            assertThat(errors).isEmpty();
        }
    }

    /** What this browser keeps of text being written. */
    @SuppressWarnings("unchecked")
    private static List<String> kept(Page page) {
        return (List<String>) page.evaluate("() => Object.keys(localStorage).filter((k) => k.includes('/kept/'))");
    }

    @Test
    void a_ballot_says_before_its_form_why_someone_cannot_vote() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, roster(3));
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            LiveClient m2 = hub.client(setup.token("m2")).join(setup.assemblyId());
            Page m1 = open(hub, setup.token("m1"));
            organiser.awaitView(v -> v.path("roster").path("m1").path("online").asBoolean()
                    && v.path("roster").path("m2").path("online").asBoolean());
            lead.call(
                    "d",
                    "propose-draft",
                    new JsonObject().put("title", "Bus de nuit").put("text", "La nuit."));
            organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
            lead.call(
                    "b",
                    "open-ballot",
                    new JsonObject().put("title", "Vote final").put("draftIds", new JsonArray().add("d1")));
            m2.call(
                    "c",
                    "cast-ballot",
                    new JsonObject()
                            .put("ballotId", "b1")
                            .put("levels", new JsonArray().add(1))
                            .put("secret", String.format("%032x", 77)));

            assertThat(m1.locator("[data-testid=ballot-b1] [data-testid=ballot-form]"))
                    .isVisible();
            assertThat(m1.locator("[data-testid=ballot-b1] [data-testid=eligibility]"))
                    .hasCount(0);

            Page elsewhere = open(hub, setup.token("m2"));
            Locator reason = elsewhere.locator("[data-testid=ballot-b1] [data-testid=eligibility]");
            assertThat(reason).containsText("Vous avez déjà voté, depuis un autre appareil");
            assertThat(elsewhere.locator("[data-testid=ballot-b1] [data-testid=ballot-form]"))
                    .hasCount(0);

            Page facilitator = open(hub, setup.token("f1"));
            assertThat(facilitator.locator("[data-testid=ballot-b1] [data-testid=eligibility]"))
                    .containsText("Seul·es les membres de l'assemblée votent");

            // A member who arrives after the ballot opened: the page says what the hub says about its roll.
            LiveClient m3 = hub.client(setup.token("m3")).join(setup.assemblyId());
            JsonNode answer = m3.call(
                    "probe",
                    "cast-ballot",
                    new JsonObject()
                            .put("ballotId", "b1")
                            .put("levels", new JsonArray().add(3))
                            .put("secret", String.format("%032x", 5))
                            .put("previousSecret", String.format("%032x", 6)));
            Page late = open(hub, setup.token("m3"));
            Locator lateBallot = late.locator("[data-testid=ballot-b1]");
            if (answer.path("code").asText().equals("not-on-roll")) {
                assertThat(lateBallot.locator("[data-testid=eligibility]"))
                        .containsText("vous n'êtes pas sur la liste de ce vote");
                assertThat(lateBallot.locator("[data-testid=ballot-form]")).hasCount(0);
            } else {
                assertThat(lateBallot.locator("[data-testid=ballot-form]")).isVisible();
            }
            screenshot(elsewhere, "ballot-eligibility-fr");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_rule_builder_states_every_base_quorum_and_block_in_french_and_english() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, roster(1));
            Page page = open(hub, setup.token("m1"));
            List<List<String>> rules = List.of(
                    List.of(
                            "threshold=4/5 base=valid-votes quorum=2/3 block=discuss another-round-at=1/5",
                            "gradients"),
                    List.of("threshold=2/3 base=ballots-cast quorum=none block=veto another-round-at=none", "consent"),
                    List.of("threshold=1/2 base=all-members quorum=1/2 block=oppose another-round-at=none", "fist"),
                    List.of("threshold=1/1 base=all-members quorum=1/1 block=veto another-round-at=1/5", "support"));
            Map<String, List<String>> said = (Map<String, List<String>>) page.evaluate(SENTENCES, rules);
            assertThat(said.get("fr"))
                    .containsExactly(
                            "Adoptée si au moins 4 sur 5 des votant·es la soutiennent (les abstentions ne comptent pas),"
                                    + " à condition qu'au moins 2 sur 3 des membres votent. Un blocage la renvoie à un"
                                    + " nouveau tour. Si au moins 1 sur 5 des votant·es demandent à en discuter"
                                    + " davantage, un nouveau tour a lieu.",
                            "Adoptée si au moins 2 sur 3 des votant·es la soutiennent (les abstentions comptent comme"
                                    + " des voix contre), sans participation minimale. Une seule objection l'arrête.",
                            "Adoptée si au moins 1 sur 2 de l'ensemble des membres la soutiennent (ne pas voter revient"
                                    + " à voter contre), à condition qu'au moins 1 sur 2 des membres votent. Un blocage"
                                    + " compte comme une voix contre.",
                            "Adoptée si l'ensemble des membres la soutiennent (ne pas voter revient à voter contre), à"
                                    + " condition que l'ensemble des membres votent.");
            assertThat(said.get("en"))
                    .containsExactly(
                            "Adopted if at least 4 out of 5 of those who vote support it (abstentions are not counted),"
                                    + " with at least 2 in 3 members voting. A block sends it to another round. If at"
                                    + " least 1 out of 5 of those who vote ask for more discussion, another round is"
                                    + " held.",
                            "Adopted if at least 2 out of 3 of those who vote support it (abstentions count as votes"
                                    + " against), with no minimum turnout. A single objection stops it.",
                            "Adopted if at least 1 out of 2 of all members support it (not voting counts as voting"
                                    + " against), with at least 1 in 2 members voting. A block counts as a vote"
                                    + " against.",
                            "Adopted if every one of the members supports it (not voting counts as voting against),"
                                    + " with all members voting.");
            assertThat(String.join(" ", said.get("fr")) + String.join(" ", said.get("en")))
                    .doesNotContain("MISSING");
        }
    }
}
