package org.assemblyhub.outreach.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who a mailing goes to, and why the others are left out — each with a code the organiser's log and screen explain:
 * no contact, one that is neither an e-mail address nor a telephone number, one shared with someone else on the roster
 * (a personal link must reach one person only), a channel the hub has no server for, or already reached.
 */
public final class Recipients {
    private Recipients() {}

    public record Skipped(String personId, String code) {}

    public record Choice(List<Member> chosen, List<Skipped> skipped) {}

    /**
     * @param listed         the people asked for (ids on the roster), or null for everyone but the organisers
     * @param open           the channels the hub can send through
     * @param needsLink      true for messages that only make sense with a working link (reminders, results)
     * @param alreadyReached people this mailing has reached before, left out
     */
    public static Choice choose(
            List<Member> roster,
            List<String> listed,
            Set<Channel> open,
            boolean needsLink,
            Predicate<String> alreadyReached) {
        Map<String, Integer> uses = new HashMap<>();
        Map<String, Member> byId = new HashMap<>();
        for (Member m : roster) {
            byId.put(m.id(), m);
            if (Contacts.channel(m.contact()) != null) uses.merge(Contacts.normal(m.contact()), 1, Integer::sum);
        }
        List<Member> pool = new ArrayList<>();
        if (listed == null) {
            for (Member m : roster) if (!"organiser".equals(m.role())) pool.add(m);
        } else {
            for (String id : new LinkedHashSet<>(listed)) pool.add(byId.get(id));
        }
        List<Member> chosen = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Member m : pool) {
            String code = refusal(m, uses, open, needsLink, alreadyReached);
            if (code == null) chosen.add(m);
            else skipped.add(new Skipped(m.id(), code));
        }
        return new Choice(chosen, skipped);
    }

    private static String refusal(
            Member m, Map<String, Integer> uses, Set<Channel> open, boolean needsLink, Predicate<String> reached) {
        if (m.contact() == null || m.contact().isBlank()) return "no-contact";
        Channel channel = Contacts.channel(m.contact());
        if (channel == null) return "invalid-contact";
        if (uses.getOrDefault(Contacts.normal(m.contact()), 0) > 1) return "duplicate-contact";
        if (!open.contains(channel)) return channel == Channel.EMAIL ? "no-mail-server" : "no-sms-gateway";
        if (needsLink && !m.invited()) return "no-invitation";
        if (reached.test(m.id())) return "already-sent";
        return null;
    }
}
