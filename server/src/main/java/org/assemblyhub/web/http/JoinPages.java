package org.assemblyhub.web.http;

/**
 * The small pages around an invitation link, in French and English (the person's language is not known yet), with
 * no script at all: the strict CSP applies to them like to the app. Names come from the roster and are escaped.
 */
final class JoinPages {
    private JoinPages() {}

    /**
     * "You are joining … as …", and a button that posts back to the same link: opening a link changes nothing, only
     * the person's own click on this page does. {@code signedInAs}: the person this browser is signed in as now,
     * when it is someone else (a shared device), or null.
     */
    static String confirm(String token, String assemblyTitle, String name, String signedInAs) {
        String who = escape(name);
        String assembly = escape(assemblyTitle);
        String other = signedInAs == null ? null : escape(signedInAs);
        return page(
                "Rejoindre l'assemblée · Join the assembly",
                """
                <h1>%s</h1>
                %s
                <p>Vous rejoignez l'assemblée en tant que <strong>%s</strong>.</p>
                <p lang="en">You are joining the assembly as <strong>%s</strong>.</p>
                <form method="post" action="/join/%s">
                <button type="submit" data-testid="join-continue" autofocus>%s</button>
                </form>
                <p class="muted">Ce n'est pas vous ? Fermez cette page et demandez votre propre lien à l'équipe d'organisation.</p>
                <p class="muted" lang="en">Not you? Close this page and ask the organisers for your own link.</p>
                """
                        .formatted(
                                assembly,
                                other == null
                                        ? ""
                                        : """
                <div class="warning" role="alert" data-testid="join-other">
                <p>Cet appareil est connecté en tant que <strong>%s</strong>. Continuer en tant que <strong>%s</strong> ?</p>
                <p lang="en">This device is signed in as <strong>%s</strong>. Continue as <strong>%s</strong>?</p>
                </div>
                """
                                                .formatted(other, who, other, who),
                                who,
                                who,
                                escape(token),
                                other == null
                                        ? "Entrer · <span lang=\"en\">Enter</span>"
                                        : "Continuer en tant que " + who + " · <span lang=\"en\">Continue as " + who
                                                + "</span>"));
    }

    /**
     * An administrator's link: the organisation's name and a button that posts back, so that another site cannot sign
     * a browser into its own organisation by linking to it (login CSRF).
     */
    static String administrator(String token, String organisation, String name) {
        String org = escape(organisation);
        String who = escape(name);
        return page(
                "Administration · Administration",
                """
                <h1>%s</h1>
                <p>Vous entrez dans la console des administrateurs de l'organisation en tant que <strong>%s</strong>.</p>
                <p lang="en">You are entering the organisation's administrators' console as <strong>%s</strong>.</p>
                <form method="post" action="/admin/%s">
                <button type="submit" data-testid="admin-continue" autofocus>Entrer · <span lang="en">Enter</span></button>
                </form>
                """
                        .formatted(org, who, who, escape(token)));
    }

    static final String INVALID = page(
            "Lien non valide · Link not valid",
            """
            <h1>Ce lien d'invitation n'est plus valide</h1>
            <p>Il a peut-être été remplacé ou révoqué. Demandez un nouveau lien à l'équipe d'organisation.</p>
            <h1 lang="en">This invitation link is no longer valid</h1>
            <p lang="en">It may have been replaced or revoked. Please ask the organisers for a new link.</p>
            """);

    static final String CROSS_SITE = page(
            "Demande refusée · Request refused",
            """
            <h1>Cette demande venait d'un autre site</h1>
            <p>Pour votre sécurité, on ne rejoint une assemblée qu'en ouvrant son lien personnel puis en appuyant sur le
            bouton de la page qui s'affiche. Ouvrez à nouveau votre lien d'invitation.</p>
            <h1 lang="en">This request came from another site</h1>
            <p lang="en">For your safety, you join an assembly only by opening your personal link and pressing the button
            on the page it shows. Please open your invitation link again.</p>
            """);

    static final String UNAVAILABLE = page(
            "Indisponible · Unavailable",
            """
            <h1>L'assemblée ne répond pas pour le moment</h1>
            <p>Réessayez dans un instant.</p>
            <h1 lang="en">The assembly is not reachable right now</h1>
            <p lang="en">Please try again in a moment.</p>
            """);

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/styles.css"></head>
                <body><main class="notice">
                %s</main></body></html>
                """
                .formatted(title, body);
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
