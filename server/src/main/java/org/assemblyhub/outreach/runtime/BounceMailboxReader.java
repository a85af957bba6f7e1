package org.assemblyhub.outreach.runtime;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.outreach.domain.LateBounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads the bounces that come back by mail (delivery status notifications, RFC 3464: {@code multipart/report} with a
 * {@code message/delivery-status} part) from the operator's IMAP mailbox, through Jakarta Mail (Eclipse Angus). Each
 * unread report is read once and marked read; a recipient whose action is {@code failed} is a bounce of the hub's
 * message named by the returned headers' Message-ID. Other mail, and delays ({@code delayed}), are left alone.
 * Blocking: run it on a worker.
 */
final class BounceMailboxReader {
    private static final int TIMEOUT_MS = 30_000;

    private final OutreachConfig.BounceMailbox mailbox;

    BounceMailboxReader(OutreachConfig.BounceMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** The bounces among the unread reports, which are then marked read. */
    List<LateBounce> read() throws MessagingException, IOException {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MS));
        props.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MS));
        Session session = Session.getInstance(props);
        List<LateBounce> bounces = new ArrayList<>();
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (!message.isMimeType("multipart/report")) continue; // its headers only: it stays unread
                    bounces.addAll(bouncesIn(message));
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        }
        return bounces;
    }

    /** The failed recipients of one report, each tied to the hub's message the report returns. */
    static List<LateBounce> bouncesIn(Message report) throws MessagingException, IOException {
        if (!(report.getContent() instanceof Multipart parts)) return List.of();
        List<InternetHeaders> recipients = new ArrayList<>();
        String messageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                recipients.addAll(recipientFields(part));
            } else if (part.isMimeType("text/rfc822-headers")) {
                try (InputStream in = part.getInputStream()) {
                    messageId = new InternetHeaders(in).getHeader("Message-ID", null);
                }
            } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage returned) {
                messageId = returned.getMessageID();
            }
        }
        List<LateBounce> bounces = new ArrayList<>();
        for (InternetHeaders r : recipients) {
            String action = r.getHeader("Action", null);
            if (action == null || !action.trim().toLowerCase(Locale.ROOT).startsWith("failed")) continue;
            String recipient = address(r.getHeader("Final-Recipient", null));
            String status = r.getHeader("Status", null);
            String diagnostic = r.getHeader("Diagnostic-Code", null);
            String reason = "bounced later: " + (status == null ? "" : status.trim())
                    + (diagnostic == null ? "" : " " + address(diagnostic));
            LateBounce.of(messageId, recipient, reason).ifPresent(bounces::add);
        }
        return bounces;
    }

    /**
     * The per-recipient field groups of a delivery-status part: a first group about the message, then one group per
     * recipient, each formatted as mail headers and separated by a blank line (RFC 3464 §2.1).
     */
    private static List<InternetHeaders> recipientFields(Part part) throws MessagingException, IOException {
        String text;
        try (InputStream in = part.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<InternetHeaders> groups = new ArrayList<>();
        String[] blocks = text.split("\\r?\\n[ \\t]*\\r?\\n");
        for (int i = 1; i < blocks.length; i++) { // the first group is about the message
            if (blocks[i].isBlank()) continue;
            byte[] bytes = (blocks[i].strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            groups.add(new InternetHeaders(new ByteArrayInputStream(bytes)));
        }
        return groups;
    }

    /** "rfc822; mina@example.org" → "mina@example.org" (the type before the semicolon dropped). */
    private static String address(String typed) {
        if (typed == null) return null;
        int semicolon = typed.indexOf(';');
        return (semicolon < 0 ? typed : typed.substring(semicolon + 1)).trim();
    }
}
