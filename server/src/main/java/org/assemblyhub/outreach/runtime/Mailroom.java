package org.assemblyhub.outreach.runtime;

import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.outreach.domain.Channel;
import org.assemblyhub.outreach.domain.Contacts;
import org.assemblyhub.outreach.domain.Letter;
import org.assemblyhub.outreach.domain.Letters;
import org.assemblyhub.outreach.domain.LinkKey;
import org.assemblyhub.outreach.domain.Member;
import org.assemblyhub.outreach.domain.MessageKind;
import org.assemblyhub.outreach.domain.OutboxRecord;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What the organisers' requests and the postman share: the settings, the texts, the link secret, the outboxes, the
 * couriers (one per configured channel), the engines, the clock and randomness.
 */
final class Mailroom {
    final OutreachConfig config;
    final String publicUrl;
    final Letters letters;
    final Outboxes outboxes;
    final Assemblies assemblies;
    final Clock clock;
    final RandomGenerator random;
    final Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);
    private final LinkKey linkKey;
    private final String keyId;

    Mailroom(
            OutreachConfig config,
            String publicUrl,
            byte[] linkSecret,
            Outboxes outboxes,
            Assemblies assemblies,
            Clock clock,
            RandomGenerator random) {
        this.config = config;
        this.publicUrl = publicUrl;
        this.letters = Letters.load(config.zone());
        this.linkKey = new LinkKey(linkSecret);
        this.keyId = LinkSecret.keyId(linkSecret);
        this.outboxes = outboxes;
        this.assemblies = assemblies;
        this.clock = clock;
        this.random = random;
    }

    Set<Channel> open() {
        return couriers.keySet();
    }

    /** A nonce for a new link: the secret's id in front, so a link is only ever made again with its own secret. */
    String newNonce() {
        return keyId + "-" + LinkKey.newNonce(random);
    }

    String token(String assemblyId, String personId, String nonce) {
        return linkKey.token(assemblyId, personId, nonce);
    }

    /** The person's current link, if they have one the hub can make again with its secret; else null. */
    String link(String assemblyId, Member m) {
        if (!m.invited() || m.linkNonce() == null || !m.linkNonce().startsWith(keyId + "-")) return null;
        return publicUrl + "/join/" + token(assemblyId, m.id(), m.linkNonce());
    }

    String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "m" + HexFormat.of().formatHex(bytes);
    }

    OutboxRecord.Queued queue(MessageKind kind, Member m, String sessionId, String note, Instant now) {
        String contact = m.contact().strip();
        return new OutboxRecord.Queued(
                newId(),
                kind,
                m.id(),
                Contacts.channel(contact),
                contact,
                Contacts.language(m.attributes(), config.language()),
                sessionId,
                note,
                now);
    }

    /** Whether {@code key} is the key of this member's reminders link. */
    boolean isRemindersKey(String assemblyId, String personId, String key) {
        return linkKey.isRemindersKey(assemblyId, personId, key);
    }

    /** Where a member stops (or restarts) their reminders: for reminders by e-mail, else null. */
    String remindersLink(String assemblyId, OutboxRecord.Queued q) {
        if (!q.kind().isReminder() || q.channel() != Channel.EMAIL) return null;
        return publicUrl + "/r/" + assemblyId + "/" + URLEncoder.encode(q.personId(), StandardCharsets.UTF_8) + "/"
                + linkKey.remindersKey(assemblyId, q.personId());
    }

    Letter.Facts facts(String assemblyId, RosterAnswer roster, Member m, OutboxRecord.Queued q) {
        return new Letter.Facts(
                m.name(),
                roster.title(),
                link(assemblyId, m),
                publicUrl + "/a/" + assemblyId,
                q.sessionId() == null ? null : roster.sessions().get(q.sessionId()),
                q.sessionId() == null ? List.of() : roster.prepare().getOrDefault(q.sessionId(), List.of()),
                q.note(),
                publicUrl + "/tech-check.html",
                remindersLink(assemblyId, q));
    }
}
