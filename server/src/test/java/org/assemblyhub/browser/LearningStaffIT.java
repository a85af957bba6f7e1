package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.assemblyhub.testing.TestVideos;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The staff's learning tools in real Chromium: an organiser publishes a module with a Markdown reading uploaded
 * through the page and a quiz (an unsafe Markdown file is refused next to its control, in French); a member sees it
 * come; a group's facilitator moderates questions asked over a socket (approve, edit with a note, hide with a reason),
 * reads the coverage hint that names the group with nothing in the top of the queue, and sees progress move when a
 * member marks the reading done.
 */
class LearningStaffIT {
    static final String ROSTER = "id,name,role,area\n"
            + "f1,Jean Martin,facilitator,\nf2,Léa Petit,facilitator,\n"
            + "m1,Amina Diallo,member,nord\nm2,Bernard Morel,member,sud\nm3,Chloé Roux,member,nord\n"
            + "m4,David Blanc,member,sud\nm5,Emma Noir,member,nord\nm6,Farid Vert,member,sud\n";

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Locator within, String name) {
        return within.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator label(Locator within, String text) {
        return within.getByLabel(text, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Page open(Browser browser, TestHub hub, String token, String locale, List<String> errors) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale(locale))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        Invitations.accept(page, hub.url(), token);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    /** A picture of one tool (the whole page is long: every panel of the organiser is on it). */
    private static void screenshot(Locator tool, String name) {
        tool.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screens/" + name + ".png")));
    }

    static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
    }

    @Test
    void the_organiser_publishes_a_reading_with_a_quiz_the_facilitator_moderates_and_follows_progress() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            String assembly = setup.assemblyId();
            LiveClient organiserSocket = hub.client(setup.token("organiser-1")).join(assembly);
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();

            // Facilitators are connected before the round is planned, so that each group gets one.
            Page f1 = open(browser, hub, setup.token("f1"), "fr-FR", errors);
            Page f2 = open(browser, hub, setup.token("f2"), "fr-FR", errors);
            List<LiveClient> members = new ArrayList<>();
            for (int i = 1; i <= 6; i++)
                members.add(hub.client(setup.token("m" + i)).join(assembly));
            organiserSocket.awaitView(
                    v -> v.path("roster").path("m6").path("online").asBoolean());
            ok(organiserSocket.call(
                    "plan", "plan-breakouts", new JsonObject().put("minSize", 3).put("maxSize", 4)));
            ok(organiserSocket.call("open", "open-breakouts", new JsonObject()));
            for (LiveClient m : members)
                m.awaitView(
                        v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);
            LiveClient asker = members.stream()
                    .filter(m -> "member@1".equals(m.audience()))
                    .findFirst()
                    .orElseThrow();
            JsonNode group1 = organiserSocket
                    .awaitView(v -> v.path("breakouts").path("groups").path("1").has("lead"))
                    .path("breakouts")
                    .path("groups")
                    .path("1");
            int groupSize = group1.path("members").size();
            Page facilitator = group1.path("lead").asText().equals("Jean Martin") ? f1 : f2;
            facilitator.waitForFunction("() => window.assemblyHub.audience === 'facilitator@1'");

            // The organiser publishes a module, then a reading: an unsafe Markdown file is refused next to its
            // control, in the organiser's language; a safe one is stored; a quiz goes with it.
            Page organiser = open(browser, hub, setup.token("organiser-1"), "fr-FR", errors);
            Page member = open(browser, hub, setup.token("m6"), "en-GB", errors);
            Locator publish = organiser.locator("[data-testid=learn-publish]");
            button(organiser, "Nouveau module").click();
            Locator moduleForm = publish.locator("[data-testid=learn-module-form]");
            assertThat(label(moduleForm, "Titre du module")).isFocused();
            label(moduleForm, "Titre du module").fill("Semaine 1 : nos émissions");
            label(moduleForm, "Résumé (facultatif)").fill("D'où viennent nos émissions.");
            button(moduleForm, "Enregistrer le module").click();
            assertThat(publish.locator("[data-testid=learn-module] h3")).hasText("Semaine 1 : nos émissions");
            assertThat(publish.locator("[data-testid=learn-publish-status]"))
                    .hasText("Module « Semaine 1 : nos émissions » enregistré.");

            button(organiser, "Ajouter un contenu à « Semaine 1 : nos émissions »")
                    .click();
            Locator itemForm = publish.locator("[data-testid=learn-item-form]");
            assertThat(label(itemForm, "Titre")).isFocused();
            label(itemForm, "Titre").fill("Ce que disent les chiffres");
            Locator fileInput = label(itemForm, "Fichier à lire (PDF ou Markdown)");
            fileInput.setInputFiles(new FilePayload(
                    "piege.md",
                    "text/markdown",
                    "# Piège\n\n<script>alert('x')</script>\n".getBytes(StandardCharsets.UTF_8)));
            Locator refused = organiser.locator("[data-testid=learn-upload-file] [data-testid=upload-error]");
            assertThat(refused)
                    .containsText("Ce texte contient du HTML ou des liens non sûrs : retirez-les et réessayez.");
            assertThat(fileInput).hasAttribute("aria-describedby", Pattern.compile("learn-item-upload-file-error"));
            screenshot(itemForm, "learning-upload-refused");
            fileInput.setInputFiles(new FilePayload(
                    "chiffres.md",
                    "text/markdown",
                    "# Les chiffres\n\nLes transports font **30 %** de nos émissions.\n"
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(organiser.locator("[data-testid=learn-upload-file]"))
                    .containsText("chiffres.md est envoyé et vérifié.");
            assertThat(refused).hasCount(0);

            label(itemForm, "Tâche après ce contenu").selectOption("quiz");
            label(itemForm, "Consigne").fill("Vérifiez ce que vous avez retenu");
            label(itemForm, "Texte de la question 1").fill("Quelle part viennent des transports ?");
            label(itemForm, "Réponse 1").fill("10 %");
            label(itemForm, "Réponse 2").fill("30 %");
            button(itemForm, "Ajouter une réponse").click();
            assertThat(label(itemForm, "Réponse 3")).isFocused();
            label(itemForm, "Réponse 3").fill("60 %");
            label(itemForm, "Bonne réponse (Réponse 2)").check();
            label(itemForm, "Explication montrée après la réponse (facultative)")
                    .fill("Environ un tiers, d'après le texte.");
            button(itemForm, "Publier").click();
            assertThat(publish.locator("[data-testid=learn-publish-status]"))
                    .hasText("« Ce que disent les chiffres » est publié.");
            assertThat(publish.locator("[data-testid=learn-item]")).containsText("Ce que disent les chiffres");
            screenshot(publish, "learning-published");

            JsonNode item = organiserSocket
                    .awaitView(v -> v.path("learning")
                                    .path("modules")
                                    .path(0)
                                    .path("items")
                                    .size()
                            == 1)
                    .path("learning")
                    .path("modules")
                    .path(0)
                    .path("items")
                    .path(0);
            String itemId = item.path("id").asText();
            assertThat(item.path("kind").asText()).isEqualTo("reading");
            assertThat(item.path("file").path("mediaType").asText()).startsWith("text/markdown");
            JsonNode quiz = item.path("task").path("questions").path(0);
            assertThat(quiz.path("options").size()).isEqualTo(3);
            assertThat(quiz.path("correct").asInt()).isEqualTo(1);

            // The member's page has it at once.
            assertThat(member.locator("main")).containsText("Ce que disent les chiffres");

            // Questions asked over a socket from group 1 wait for the facilitator.
            List<String> questions = List.of(
                    "Pourquoi les transports ?",
                    "Combein coûte le bus ?",
                    "Une question hors sujet",
                    "Pourquoi autant de transports ?");
            for (int i = 0; i < questions.size(); i++)
                ok(asker.call("ask" + i, "ask-question", new JsonObject().put("text", questions.get(i))));
            Locator moderation = facilitator.locator("[data-testid=learn-moderation]");
            Locator pending = moderation.locator("[data-testid=learn-pending-question]");
            assertThat(pending).hasCount(4);

            pending.filter(new Locator.FilterOptions().setHasText("Pourquoi les transports ?"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accepter"))
                    .click();
            assertThat(pending).hasCount(3);
            assertThat(moderation.locator("[data-testid=learn-queue]")).containsText("Pourquoi les transports ?");
            assertThat(facilitator.locator("#learn-first-q2")).isFocused();

            Locator typo = pending.filter(new Locator.FilterOptions().setHasText("Combein"));
            typo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Corriger"))
                    .click();
            label(moderation, "Texte corrigé").fill("Combien coûte le bus ?");
            label(moderation, "Note visible : ce qui a été corrigé et pourquoi").fill("Faute de frappe corrigée");
            button(moderation, "Enregistrer la correction").click();
            assertThat(pending.filter(new Locator.FilterOptions().setHasText("Combien coûte le bus ?")))
                    .hasCount(1);
            pending.filter(new Locator.FilterOptions().setHasText("Combien coûte le bus ?"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accepter"))
                    .click();
            assertThat(moderation.locator("[data-testid=learn-queue] [data-testid=learn-edited]"))
                    .hasText("corrigée : Faute de frappe corrigée");

            pending.filter(new Locator.FilterOptions().setHasText("hors sujet"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Masquer"))
                    .click();
            label(moderation, "Raison (l’auteur·ice la verra)").fill("Elle ne concerne pas le climat");
            button(moderation, "Masquer la question").click();
            assertThat(pending).hasCount(1);

            // A question that repeats one of the queue is merged into it.
            pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fusionner"))
                    .click();
            label(moderation, "Fusionner avec la question").selectOption("q1");
            button(moderation, "Fusionner les questions").click();
            assertThat(pending).hasCount(0);
            assertThat(moderation.locator("[data-testid=learn-moderation-status]"))
                    .hasText("Questions fusionnées ; les votes sont réunis.");
            assertThat(moderation).containsText("Aucune question n’attend.");
            JsonNode mine = asker.call("mine", "learning-mine", new JsonObject());
            assertThat(mine.toString()).contains("hidden", "Elle ne concerne pas le climat");

            // The queue speaks only for group 1: the hint names group 2.
            assertThat(moderation.locator("[data-testid=learn-coverage-sentence]"))
                    .hasText("Le groupe 2 n’a aucune question parmi les 5 premières.");
            screenshot(moderation, "learning-moderation");

            // Progress: the facilitator's group, counted when a member marks the reading done.
            Locator progress = facilitator.locator("[data-testid=learn-progress]");
            Locator count = progress.locator("[data-testid=learn-progress-group][data-group='1'] tr[data-item='"
                    + itemId + "'] [data-testid=learn-done-count]");
            assertThat(count).hasText("0 / " + groupSize);
            ok(asker.call("done", "mark-done", new JsonObject().put("itemId", itemId)));
            assertThat(count).hasText("1 / " + groupSize);
            assertThat(progress.locator("[data-testid=learn-progress-group]")).hasCount(1);

            // The answers to a task: a quiz's choices in words; a written answer brought to the group's board.
            ok(asker.call(
                    "quiz",
                    "answer-task",
                    new JsonObject().put("itemId", itemId).put("choices", List.of(1))));
            Locator answers = progress.locator("[data-testid=learn-task-answers]");
            label(answers, "Contenu").selectOption(itemId);
            button(answers, "Voir les réponses").click();
            assertThat(answers.locator("[data-testid=learn-answer]"))
                    .containsText("Quelle part viennent des transports ? → 30 %");
            assertThat(answers.locator("[data-testid=learn-bring]")).hasCount(0); // only written answers go
            String moduleId = organiserSocket
                    .view()
                    .path("learning")
                    .path("modules")
                    .path(0)
                    .path("id")
                    .asText();
            ok(organiserSocket.call(
                    "reflection",
                    "publish-item",
                    new JsonObject()
                            .put("moduleId", moduleId)
                            .put("kind", "link")
                            .put("title", "Un lien pour réfléchir")
                            .put("url", "https://example.org/climat")
                            .put(
                                    "task",
                                    new JsonObject()
                                            .put("kind", "reflection")
                                            .put("prompt", "Trois choses apprises"))));
            String reflectionId = organiserSocket
                    .awaitView(v -> v.path("learning")
                                    .path("modules")
                                    .path(0)
                                    .path("items")
                                    .size()
                            == 2)
                    .path("learning")
                    .path("modules")
                    .path(0)
                    .path("items")
                    .path(1)
                    .path("id")
                    .asText();
            ok(asker.call(
                    "reflect",
                    "answer-task",
                    new JsonObject().put("itemId", reflectionId).put("text", "Le vélo compte beaucoup")));
            label(answers, "Contenu").selectOption(reflectionId);
            button(answers, "Voir les réponses").click();
            assertThat(answers.locator("[data-testid=learn-answer]")).containsText("Le vélo compte beaucoup");
            answers.locator("[data-testid=learn-bring]").click();
            assertThat(progress).containsText("est sur le tableau du groupe.");
            assertThat(facilitator.locator("[data-testid=workspace]")).containsText("Le vélo compte beaucoup");
            screenshot(progress, "learning-progress");

            // On a phone, the facilitator's tools fit the screen's width.
            facilitator.setViewportSize(360, 780);
            Object fits = facilitator.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).as("no horizontal scroll at 360 px").isEqualTo(true);
            screenshot(moderation, "learning-moderation-360");

            // The refused upload is the one failed request the browser logs.
            assertThat(errors)
                    .containsOnly(
                            "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)");
            members.forEach(LiveClient::close);
            browser.close();
        }
    }

    @Test
    void a_named_expert_publishes_in_their_module_and_answers_in_writing_while_the_organiser_runs_live_questions() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER + "x1,Awa Ndiaye,expert,\n");
            String assembly = setup.assemblyId();
            LiveClient asker = hub.client(setup.token("m1")).join(assembly);
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page organiser = open(browser, hub, setup.token("organiser-1"), "en-GB", errors);
            Page expert = open(browser, hub, setup.token("x1"), "fr-FR", errors);

            // The organiser makes a module and names the expert, who may then publish in it.
            Locator publish = organiser.locator("[data-testid=learn-publish]");
            button(organiser, "New module").click();
            Locator moduleForm = publish.locator("[data-testid=learn-module-form]");
            label(moduleForm, "Module title").fill("Week 2: what can be done");
            label(moduleForm, "Awa Ndiaye").check();
            button(moduleForm, "Save the module").click();
            assertThat(publish.locator("[data-testid=learn-module]")).containsText("Experts: Awa Ndiaye");

            Locator expertPublish = expert.locator("[data-testid=learn-publish]");
            assertThat(expertPublish.locator("[data-testid=learn-module] h3")).hasText("Week 2: what can be done");
            button(expertPublish, "Ajouter un contenu à « Week 2: what can be done »")
                    .click();
            Locator itemForm = expertPublish.locator("[data-testid=learn-item-form]");
            // The editor, with a quiz of three options, fits a phone's width.
            expert.setViewportSize(360, 780);
            label(itemForm, "Tâche après ce contenu").selectOption("quiz");
            button(itemForm, "Ajouter une réponse").click();
            assertThat(label(itemForm, "Réponse 3")).isFocused();
            assertThat(expert.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scroll at 360 px")
                    .isEqualTo(true);
            screenshot(itemForm, "learning-item-form-360");
            label(itemForm, "Tâche après ce contenu").selectOption("");
            expert.setViewportSize(1280, 800);
            label(itemForm, "Lien").check();
            label(itemForm, "Titre").fill("Le rapport du GIEC");
            label(itemForm, "Adresse web (http ou https)").fill("https://www.ipcc.ch/report/ar6/syr/");
            label(itemForm, "Public : visible aussi par le public (ce que les membres ont appris)")
                    .check();
            button(itemForm, "Publier").click();
            assertThat(expertPublish.locator("[data-testid=learn-publish-status]"))
                    .hasText("« Le rapport du GIEC » est publié.");
            assertThat(publish.locator("[data-testid=learn-item]")).containsText("Le rapport du GIEC");

            // The organiser approves a question and opens live questions; the expert answers it in writing.
            ok(asker.call("ask", "ask-question", new JsonObject().put("text", "What is the cheapest measure?")));
            Locator moderation = organiser.locator("[data-testid=learn-moderation]");
            button(moderation, "Approve").click();
            label(moderation, "Title of the live questions (optional)").fill("Ask Awa Ndiaye");
            button(moderation, "Open live questions").click();
            assertThat(moderation.locator("[data-testid=learn-qa-live]"))
                    .hasText("Live questions are open: Ask Awa Ndiaye");
            assertThat(button(moderation, "Close live questions")).isFocused();

            Locator queue = expert.locator("[data-testid=learn-expert-queue]");
            assertThat(queue).containsText("Questions en direct ouvertes : Ask Awa Ndiaye");
            assertThat(queue.locator("[data-testid=learn-queue]")).containsText("What is the cheapest measure?");
            button(queue, "Répondre par écrit").click();
            assertThat(label(queue, "Votre réponse écrite")).isFocused();
            label(queue, "Votre réponse écrite").fill("Insulating homes, according to the report.");
            button(queue, "Publier la réponse").click();
            assertThat(queue).containsText("Réponse publiée.");
            assertThat(queue).containsText("Aucune question dans la file.");
            asker.awaitView(v ->
                    v.path("learning").path("qa").path("archive").toString().contains("Insulating homes"));
            screenshot(queue, "learning-expert-queue");

            button(moderation, "Close live questions").click();
            assertThat(moderation.locator("[data-testid=learn-qa-live]")).hasText("Questions are not live.");

            // Named progress: the organiser turns it on, and the progress says so.
            Locator progress = organiser.locator("[data-testid=learn-progress]");
            assertThat(progress).containsText("Only counts are shown, no names.");
            button(progress, "Show names").click();
            assertThat(progress).containsText("The names of those who finished are shown.");
            assertThat(button(progress, "Show names")).hasAttribute("aria-pressed", "true");

            assertThat(errors).isEmpty();
            browser.close();
        }
    }

    @Test
    void a_talk_is_published_with_its_video_length_read_in_the_browser_its_captions_and_an_opening_date() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiserSocket = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            Path video = TestVideos.mp4(TestHub.newDataDir().resolve("talk.mp4"), 5);
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page organiser = browser.newContext(
                            new Browser.NewContextOptions().setLocale("en-GB").setTimezoneId("Europe/Paris"))
                    .newPage();
            organiser.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            Invitations.accept(organiser, hub.url(), setup.token("organiser-1"));
            Locator publish = organiser.locator("[data-testid=learn-publish]");
            button(organiser, "New module").click();
            Locator moduleForm = publish.locator("[data-testid=learn-module-form]");
            label(moduleForm, "Module title").fill("Week 3");
            label(moduleForm, "Public: observers can see this module and its public materials")
                    .check();
            button(moduleForm, "Save the module").click();
            button(publish, "Add material to “Week 3”").click();

            Locator itemForm = publish.locator("[data-testid=learn-item-form]");
            label(itemForm, "Video talk").check();
            label(itemForm, "Title").fill("Where our emissions come from");
            label(itemForm, "Speaker").fill("Dr Awa Ndiaye");
            label(itemForm, "Video file (MP4 or WebM)").setInputFiles(video);
            assertThat(itemForm.locator("[data-testid=learn-upload-file]"))
                    .containsText("talk.mp4 is uploaded and checked.");
            assertThat(label(itemForm, "Length (minutes:seconds)")).hasValue("0:05");
            label(itemForm, "Captions (WebVTT file, optional)")
                    .setInputFiles(new FilePayload(
                            "talk.vtt", "text/vtt", TestVideos.captions().getBytes(StandardCharsets.UTF_8)));
            assertThat(itemForm.locator("[data-testid=learn-upload-captions]"))
                    .containsText("talk.vtt is uploaded and checked.");
            label(itemForm, "Available").selectOption("at");
            label(itemForm, "Opening date and time").fill("2030-01-10T18:00");
            button(itemForm, "Publish").click();
            assertThat(publish.locator("[data-testid=learn-publish-status]"))
                    .hasText("“Where our emissions come from” is published.");
            assertThat(publish.locator("[data-testid=learn-item]")).containsText("Video talk · opens");

            JsonNode item = organiserSocket
                    .awaitView(v -> v.path("learning")
                                    .path("modules")
                                    .path(0)
                                    .path("items")
                                    .size()
                            == 1)
                    .path("learning")
                    .path("modules")
                    .path(0)
                    .path("items")
                    .path(0);
            assertThat(item.path("durationSeconds").asInt()).isEqualTo(5);
            assertThat(item.path("speaker").asText()).isEqualTo("Dr Awa Ndiaye");
            assertThat(item.path("file").path("mediaType").asText()).isEqualTo("video/mp4");
            assertThat(item.path("captions").asText()).hasSize(64);
            assertThat(item.path("opens").path("at").asText()).isEqualTo("2030-01-10T17:00:00Z");
            assertThat(errors).isEmpty();
            browser.close();
        }
    }
}
