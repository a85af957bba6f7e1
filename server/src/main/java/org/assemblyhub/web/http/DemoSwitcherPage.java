package org.assemblyhub.web.http;

import org.assemblyhub.demo.DemoAssembly;
import org.assemblyhub.demo.DemoLinks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The switcher's page, in French or in English (as the app, from the browser's language, with a link to the other),
 * with no script at all: the strict CSP applies to it like to the app. One button per person, grouped by role; names
 * come from the links file and are escaped.
 */
final class DemoSwitcherPage {
    enum Language {
        FR,
        EN
    }

    /** Every text of the page in one language. */
    private record Texts(
            String lang,
            String title,
            String heading,
            String intro,
            String profiles,
            Map<String, String> groups,
            String switchTo,
            String publicPage,
            String current,
            String revoked,
            String otherLang,
            String otherName,
            String source) {}

    private static final Texts FR = new Texts(
            "fr",
            "Changer de personne · démo",
            "Changer de personne",
            "Démo sur cet ordinateur uniquement. Chaque bouton fait de ce navigateur la personne choisie, comme"
                    + " l'ouverture de son lien d'invitation.",
            "Un navigateur est une seule personne à la fois, et ses fenêtres privées partagent les mêmes cookies :"
                    + " pour voir deux personnes côte à côte, ouvrez cette page dans un autre profil de navigateur.",
            groups("Organisation", "Animation principale", "Animation des groupes", "Membres", "Expertise", "Public"),
            "Passer à %s",
            "Voir la page publique (observateur·rice)",
            "ce navigateur en ce moment",
            "lien révoqué : donnez-lui un nouveau lien depuis la console d'organisation (« Nouveau lien »)",
            "en",
            "English",
            "Les liens sont ceux de demo-links.txt, tenu à jour quand un lien est remplacé ou révoqué.");

    private static final Texts EN = new Texts(
            "en",
            "Switch person · demo",
            "Switch person",
            "Demo on this computer only. Each button makes this browser the person you choose, as opening their"
                    + " invitation link does.",
            "A browser is one person at a time, and its private windows share the same cookies: to see two people"
                    + " side by side, open this page in another browser profile.",
            groups("Organiser", "Lead facilitator", "Facilitators", "Members", "Expert", "Public"),
            "Switch to %s",
            "See the public page (observer)",
            "this browser now",
            "link revoked: give them a new link from the organiser console (\u201cNew link\u201d)",
            "fr",
            "Français",
            "The links are those of demo-links.txt, kept up to date when a link is re-issued or revoked.");

    private DemoSwitcherPage() {}

    private static Map<String, String> groups(
            String organiser, String lead, String facilitators, String members, String expert, String observer) {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("organiser", organiser);
        groups.put("lead", lead);
        groups.put("facilitator", facilitators);
        groups.put("member", members);
        groups.put("expert", expert);
        groups.put("observer", observer);
        return groups;
    }

    /** {@code currentToken}: the invitation this browser is signed in with now, or null. */
    static String render(Language language, DemoLinks links, String currentToken) {
        Texts t = language == Language.FR ? FR : EN;
        StringBuilder body = new StringBuilder();
        body.append(
                "<p><a href=\"/demo?lang=%s\" lang=\"%s\" hreflang=\"%s\" data-testid=\"demo-language\">%s</a></p>\n"
                        .formatted(t.otherLang(), t.otherLang(), t.otherLang(), t.otherName()));
        body.append("<h1>").append(t.heading()).append("</h1>\n");
        body.append("<p>").append(t.intro()).append("</p>\n");
        body.append("<p>").append(t.profiles()).append("</p>\n");
        for (var group : t.groups().entrySet()) {
            List<DemoLinks.Entry> people =
                    links.entries().stream().filter(in(group.getKey())).toList();
            if (people.isEmpty()) continue;
            body.append("<h2>").append(group.getValue()).append("</h2>\n<ul>\n");
            for (DemoLinks.Entry person : people) body.append(item(t, person, currentToken));
            body.append("</ul>\n");
        }
        body.append("<p class=\"muted\">").append(t.source()).append("</p>\n");
        return page(t.lang(), t.title(), body.toString());
    }

    /** The people of a group: the demo's lead facilitator has a group of their own. */
    private static Predicate<DemoLinks.Entry> in(String group) {
        return e -> switch (group) {
            case "lead" -> DemoAssembly.LEAD_ID.equals(e.personId());
            case "facilitator" -> group.equals(e.role()) && !DemoAssembly.LEAD_ID.equals(e.personId());
            default -> group.equals(e.role());
        };
    }

    private static String item(Texts t, DemoLinks.Entry person, String currentToken) {
        String name = escape(person.name());
        if (person.isObserver()) {
            return """
                    <li><form method="post" action="/demo/observer">\
                    <p><button type="submit" data-testid="switch-observer">%s</button></p></form></li>
                    """
                    .formatted(t.publicPage());
        }
        if (person.link() == null) {
            return "<li data-testid=\"demo-person-%s\"><p>%s — %s</p></li>\n"
                    .formatted(escape(person.personId()), name, t.revoked());
        }
        boolean current = person.token().equals(currentToken);
        List<String> parts = new ArrayList<>();
        parts.add("<li data-testid=\"demo-person-%s\"%s>"
                .formatted(escape(person.personId()), current ? " aria-current=\"true\"" : ""));
        parts.add(
                "<form method=\"post\" action=\"/join/%s\"><p><button type=\"submit\" data-testid=\"switch-%s\">%s</button>"
                        .formatted(
                                escape(person.token()),
                                escape(person.personId()),
                                t.switchTo().formatted(name)));
        if (current) parts.add(" <span class=\"muted\">(%s)</span>".formatted(t.current()));
        parts.add("</p></form></li>\n");
        return String.join("", parts);
    }

    /** For a request that does not name this computer: the language is not known, so both. */
    static final String ELSEWHERE = page(
            "fr",
            "Page réservée à cet ordinateur · This computer only",
            """
            <h1>Cette page ne s'ouvre que sur l'ordinateur de la démo</h1>
            <p>Ouvrez-la à l'adresse localhost ou 127.0.0.1, sur l'ordinateur où tourne la démo.</p>
            <h1 lang="en">This page opens only on the computer that runs the demo</h1>
            <p lang="en">Open it at localhost or 127.0.0.1, on the computer where the demo runs.</p>
            """);

    static final String NOT_READY = page(
            "fr",
            "La démo se prépare · The demo is being prepared",
            """
            <h1>La démo se prépare</h1>
            <p>Réessayez dans un instant.</p>
            <h1 lang="en">The demo is being prepared</h1>
            <p lang="en">Please try again in a moment.</p>
            """);

    private static String page(String lang, String title, String body) {
        return """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/styles.css"></head>
                <body><main class="notice">
                %s</main></body></html>
                """
                .formatted(lang, title, body);
    }

    private static String escape(String text) {
        return JoinPages.escape(text);
    }
}
