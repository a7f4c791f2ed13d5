package vn.childprotection.platform.notification.adapter.out.channel;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.adapter.out.channel.WebhookChannelTest.NOW;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/** The e-mail channel against a real SMTP server (GreenMail, Jakarta Mail 2.x / Angus as Boot 4 ships). */
class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String DOMAIN = "notification.cprp.test";

    private EmailChannel channel(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(props);
        return new EmailChannel(sender, "notifications@cprp.test", DOMAIN);
    }

    private static Notification emailNotification(String address) {
        return Notification.ofReferral(referral(newCaseId()).agency("HEALTH").build(),
                new Recipient(address, DeliveryChannel.EMAIL), false, NOW);
    }

    @Test
    void sendsTheNotificationWithAMessageIdDerivedFromItsIdSoAResendIsRecognisable() throws Exception {
        Notification notification = emailNotification("duty@health.test");
        EmailChannel channel = channel(SMTP.getSmtp().getPort());

        assertThat(channel.deliver(notification)).isEqualTo(new DeliveryOutcome.Delivered(1));
        assertThat(channel.deliver(notification)).isEqualTo(new DeliveryOutcome.Delivered(1));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        String expectedId = EmailChannel.messageIdOf(notification.notificationId(), DOMAIN);
        for (MimeMessage message : received) {
            assertThat(message.getMessageID()).isEqualTo(expectedId);
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("duty@health.test");
            assertThat(message.getSubject()).contains("Chuyển tuyến mới").contains(notification.caseId());
            assertThat(message.getContent().toString()).contains(notification.notificationId())
                    .contains("REFERRAL_ISSUED").contains("Mức độ: CAO");
        }
    }

    @Test
    void jakartaMailFindsItsStreamProviderByNameNotByAClassPathScanPerHeader() {
        String providerOfTheServiceLoader = java.util.ServiceLoader.load(jakarta.mail.util.StreamProvider.class)
                .findFirst().orElseThrow().getClass().getName();

        new EmailChannel(new JavaMailSenderImpl(), "hotline@example.org", "example.org"); // its class initialised
        assertThat(EmailChannel.STREAM_PROVIDER).isEqualTo(providerOfTheServiceLoader);
        assertThat(System.getProperty(EmailChannel.STREAM_PROVIDER_PROPERTY)).isEqualTo(EmailChannel.STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName()).isEqualTo(providerOfTheServiceLoader);
    }

    @Test
    void anSmtpServerThatDoesNotAnswerIsATransientFailure() {
        var closedPort = SMTP.getSmtp().getPort() + 1;

        DeliveryOutcome outcome = channel(closedPort).deliver(emailNotification("duty@health.test"));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void anAddressThatIsNotAMailboxFailsForGood() {
        assertThat(channel(SMTP.getSmtp().getPort()).deliver(emailNotification("not a mailbox")))
                .isEqualTo(new DeliveryOutcome.Failed(EmailChannel.INVALID_ADDRESS, false, 1));
    }
}
