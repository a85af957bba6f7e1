package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import org.assemblyhub.config.OutreachConfig;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * E-mail through the configured SMTP server (Vert.x's mail client: non-blocking, on the caller's event loop). One
 * message per recipient, so a refused recipient is that message's bounce and nobody else's.
 */
final class MailCourier implements Courier {
    /**
     * Permanent answers about the recipient or this message (RFC 5321/3463): a bounce. Other permanent answers
     * (authentication 530/535, a server that will not talk at all) are the hub's configuration: tried again, and
     * shown in the log, until the operator fixes it.
     */
    private static final Set<Integer> BOUNCES = Set.of(501, 510, 511, 512, 513, 550, 551, 552, 553, 554);

    private final MailClient client;
    private final OutreachConfig.Mail config;
    private final String messageIdDomain;

    MailCourier(Vertx vertx, OutreachConfig.Mail config, String messageIdDomain) {
        this.config = config;
        this.messageIdDomain = messageIdDomain;
        MailConfig mail = new MailConfig()
                .setHostname(config.host())
                .setPort(config.port())
                .setSsl(config.ssl())
                .setStarttls(StartTLSOptions.valueOf(config.startTls().name()))
                .setConnectTimeout(15_000)
                .setMaxPoolSize(4);
        // A server silent for longer than this closes the connection, and the try fails (it is tried again later).
        mail.setIdleTimeout((int) Math.max(1, config.timeout().toSeconds())).setIdleTimeoutUnit(TimeUnit.SECONDS);
        if (config.username() != null) {
            mail.setLogin(LoginOption.REQUIRED).setUsername(config.username()).setPassword(config.password());
        } else {
            mail.setLogin(LoginOption.DISABLED);
        }
        this.client = MailClient.create(vertx, mail);
    }

    @Override
    public Future<Delivery> send(Envelope envelope) {
        MailMessage message = new MailMessage()
                .setFrom(config.from())
                .setTo(envelope.to())
                .setSubject(envelope.letter().subject())
                .setText(envelope.letter().body())
                // The same id on every try: a mailbox that got a copy before the hub could record it may drop this one.
                .addHeader("Message-ID", "<" + envelope.id() + "@" + messageIdDomain + ">");
        if (config.replyTo() != null) message.addHeader("Reply-To", config.replyTo());
        if (envelope.unsubscribe() != null) {
            // Mail programs show their own "unsubscribe" button; a POST to the link stops the reminders (RFC 8058).
            message.addHeader("List-Unsubscribe", "<" + envelope.unsubscribe() + ">");
            message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        // The whole exchange has a limit too (a server that trickles one byte at a time never looks silent).
        return client.sendMail(message)
                .timeout(config.timeout().toMillis() * 3, TimeUnit.MILLISECONDS)
                .map(result -> Delivery.sent())
                .otherwise(MailCourier::failure);
    }

    private static Delivery failure(Throwable e) {
        if (e instanceof SMTPException smtp && smtp.isPermanent() && BOUNCES.contains(smtp.getReplyCode())) {
            return new Delivery(Outcome.REFUSED, smtp.getReplyCode() + " " + smtp.getReplyMessage());
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Delivery(Outcome.FAILED, why.length() > 300 ? why.substring(0, 300) : why);
    }

    Future<Void> close() {
        return client.close();
    }
}
