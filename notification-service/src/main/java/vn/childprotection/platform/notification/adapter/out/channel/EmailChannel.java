package vn.childprotection.platform.notification.adapter.out.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationTexts;

import java.nio.charset.StandardCharsets;

/**
 * One attempt to send a notification to a role mailbox over SMTP (Jakarta Mail). The {@code Message-ID} is derived
 * from the notification id ({@link #messageIdOf}), so a resend after a crash is recognisable as the same message.
 * Subject and text are the Vietnamese templates of {@link NotificationTexts}: ids, codes and deadlines only.
 */
public final class EmailChannel implements NotificationChannel {

    public static final String INVALID_ADDRESS = "INVALID_ADDRESS";

    /**
     * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@code ServiceLoader} scan of the class path at every
     * header it encodes or decodes and every part it writes (jakartaee/mail-api#861, open): under load, most of this
     * service's CPU (JFR profile: 200 of 230 samples in a delivery). The lookup reads this system property
     * first and then only loads the named class, which is already loaded; the class is the one the service loader
     * would find (angus-mail's {@code META-INF/services} entry). Left alone when it is set already.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, STREAM_PROVIDER);
        }
    }

    private final JavaMailSender mail;
    private final String from;
    private final String messageIdDomain;

    public EmailChannel(JavaMailSender mail, String from, String messageIdDomain) {
        this.mail = mail;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    /** {@code <notificationId@domain>}: the same for every resend of one notification. */
    public static String messageIdOf(String notificationId, String domain) {
        return "<" + notificationId + "@" + domain + ">";
    }

    @Override
    public DeliveryChannel type() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        MimeMessage message;
        try {
            message = build(notification);
        } catch (AddressException e) {
            return new DeliveryOutcome.Failed(INVALID_ADDRESS, false);
        } catch (MessagingException e) {
            return new DeliveryOutcome.Failed("MESSAGE_NOT_BUILT", false);
        }
        try {
            mail.send(message);
            return new DeliveryOutcome.Delivered();
        } catch (MailAuthenticationException e) {
            return new DeliveryOutcome.Failed("SMTP_AUTHENTICATION", false);
        } catch (MailSendException e) {
            return new DeliveryOutcome.Failed("SMTP_SEND_FAILED", true);
        } catch (MailException e) {
            return new DeliveryOutcome.Failed("SMTP_ERROR", true);
        }
    }

    private MimeMessage build(Notification notification) throws MessagingException {
        Session session = mail.createMimeMessage().getSession();
        String messageId = messageIdOf(notification.notificationId(), messageIdDomain);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(notification.recipient(), true));
        message.setSubject(NotificationTexts.subject(notification), StandardCharsets.UTF_8.name());
        message.setText(NotificationTexts.body(notification) + "\n", StandardCharsets.UTF_8.name());
        message.setHeader("X-CPRP-Notification-Id", notification.notificationId());
        return message;
    }
}
