package org.assemblyhub.outreach;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the tests: GreenMail on 127.0.0.1, which, like a real mail server, refuses mailboxes that do
 * not exist — here every address whose local part starts with "nobody" gets {@code 550 5.1.1} at RCPT TO.
 */
public final class MailServer extends GreenMail {
    public MailServer(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(setups, managers);
        for (ServerSetup setup : setups) {
            if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol()))
                services.put(ServerSetup.PROTOCOL_SMTP, new RefusingSmtp(setup, managers));
        }
        return services;
    }

    /** The messages received, waiting up to 60 s for at least {@code count}. */
    public List<MimeMessage> await(int count) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (getReceivedMessages().length < count && Instant.now().isBefore(end)) pause(100);
        return Arrays.asList(getReceivedMessages());
    }

    /** The one message to {@code to} with a subject starting with {@code subject}; fails unless exactly one. */
    public static MimeMessage only(List<MimeMessage> messages, String to, String subject) {
        List<MimeMessage> found = messages.stream()
                .filter(m -> to(m).equals(to) && subject(m).startsWith(subject))
                .toList();
        if (found.size() != 1)
            throw new AssertionError(found.size() + " messages to " + to + " about '" + subject + "'");
        return found.get(0);
    }

    static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage m) {
        try {
            return m.getContent().toString().replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class RefusingSmtp extends SmtpServer {
        RefusingSmtp(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            return new SmtpHandler(new SmtpCommandRegistry(), new RefusingManager(managers), socket);
        }
    }

    private static final class RefusingManager extends SmtpManager {
        RefusingManager(Managers managers) {
            super(managers.getImapHostManager(), managers.getUserManager());
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress recipient) {
            return recipient.getEmail().startsWith("nobody")
                    ? "550 5.1.1 <" + recipient.getEmail() + ">: no such mailbox here"
                    : null;
        }
    }
}
