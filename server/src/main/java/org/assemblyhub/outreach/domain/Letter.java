package org.assemblyhub.outreach.domain;

import java.util.List;

/** A message written for one person: e-mail subject and body (plain text), and the text message's shorter text. */
public record Letter(String subject, String body, String sms) {
    /**
     * What a message says, in no language yet. {@code link}: the person's current link, or null when the hub cannot
     * make it again (a printed link); {@code session} and {@code prepare} for reminders; {@code note}: the organiser's
     * words (results), or null; {@code stop}: where the member stops their reminders (reminders by e-mail), or null.
     */
    public record Facts(
            String name,
            String assembly,
            String link,
            String page,
            ReminderPlan.Session session,
            List<Material> prepare,
            String note,
            String techCheck,
            String stop) {
        public Facts {
            prepare = prepare == null ? List.of() : List.copyOf(prepare);
        }
    }

    /** Something to read or watch before a session (the script's learning material). */
    public record Material(String title, String speaker, String url) {}
}
