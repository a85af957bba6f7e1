package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * A bounce that comes back by mail after the SMTP server took the message: the hub reads the report from a real IMAP
 * mailbox (GreenMail), turns that message from sent to bounced in the organiser's log, and leaves other mail alone.
 */
class LateBounceTest {
    final int smtpPort = TestHub.freePort();
    final int imapPort = TestHub.freePort();
    final MailServer smtp = new MailServer(smtpPort);
    final GreenMail imap = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        smtp.stop();
        imap.stop();
    }

    private static MimeMessage report(String recipient, String messageId, String action, String status)
            throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.", "utf-8");
        parts.addBodyPart(human);
        MimeBodyPart status822 = new MimeBodyPart();
        status822.setContent(
                "Reporting-MTA: dns; mx.example.org\r\n\r\n"
                        + "Final-Recipient: rfc822; " + recipient + "\r\n"
                        + "Action: " + action + "\r\n"
                        + "Status: " + status + "\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: user unknown\r\n",
                "message/delivery-status");
        parts.addBodyPart(status822);
        MimeBodyPart headers = new MimeBodyPart();
        headers.setContent("Message-ID: " + messageId + "\r\nSubject: Invitation\r\n", "text/rfc822-headers");
        parts.addBodyPart(headers);
        MimeMessage report = new MimeMessage(session);
        report.setFrom(new InternetAddress("mailer-daemon@mx.example.org"));
        report.setSubject("Undelivered Mail Returned to Sender");
        report.setContent(parts);
        report.saveChanges();
        return report;
    }

    private static MimeMessage plain(String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("ana@example.org"));
        m.setSubject("Question");
        m.setText(text, "utf-8");
        m.saveChanges();
        return m;
    }

    @Test
    void a_bounce_report_in_the_mailbox_turns_the_sent_message_into_a_bounce_and_other_mail_stays_unread()
            throws Exception {
        smtp.start();
        imap.start();
        GreenMailUser bounces = imap.setUser("assembly@hub.example", "bounces", "bounce-secret");
        OutreachConfig config = Outreach.mail(smtpPort)
                .withBounces(new OutreachConfig.BounceMailbox(
                        "127.0.0.1", imapPort, false, "bounces", "bounce-secret", "INBOX", Duration.ofSeconds(1)));
        hub = TestHub.withOutreach(config);
        TestHub.Setup a = hub.createAssembly(false, MailDeliveryTest.ROSTER);
        Outreach.invite(hub, a, new JsonObject());
        List<MimeMessage> mails = smtp.await(2);
        Outreach.logWith(hub, a, "sent", 2);
        MimeMessage toBen = MailServer.only(mails, "ben@example.org", "Invitation");
        MimeMessage toAna = MailServer.only(mails, "ana@example.org", "Invitation");

        bounces.deliver(plain("A member's reply: it stays for a person to read."));
        bounces.deliver(report("ana@example.org", toAna.getMessageID(), "delayed", "4.4.7"));
        bounces.deliver(report("someone@else.org", "<1.other@elsewhere.org>", "failed", "5.1.1"));
        bounces.deliver(report("ben@example.org", toBen.getMessageID(), "failed", "5.1.1"));

        JsonArray log = Outreach.logWith(hub, a, "bounced", 1);
        JsonObject ben = log.stream()
                .map(JsonObject.class::cast)
                .filter(m -> "ben@example.org".equals(m.getString("to")))
                .findFirst()
                .orElseThrow();
        assertThat(ben.getString("status")).isEqualTo("bounced");
        assertThat(ben.getString("reason")).startsWith("bounced later: 5.1.1");
        MailServer.pause(2_500); // another reading of the mailbox: nothing changes twice
        JsonArray after = Outreach.log(hub, a);
        assertThat(after.stream()
                        .map(JsonObject.class::cast)
                        .filter(m -> "bounced".equals(m.getString("status")))
                        .count())
                .as("a delay is not a bounce, and a report about other mail changes nothing")
                .isEqualTo(1);
        var inbox = imap.getManagers().getImapHostManager().getInbox(bounces).getMessages();
        long unread = inbox.stream()
                .filter(m -> !m.getFlags().contains(Flags.Flag.SEEN))
                .count();
        assertThat(unread).as("the member's reply is left unread").isEqualTo(1);
    }
}
