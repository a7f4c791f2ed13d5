package vn.childprotection.platform.notification.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryPropertiesTest {

    @Test
    void agencyCodesWithUnderscoresAndAreaPrefixesBindFromConfiguration() {
        var source = new MapConfigurationPropertySource(Map.of(
                "notification.directory.agencies[0].agency", "SOCIAL_AFFAIRS",
                "notification.directory.agencies[0].focal-point", "focal-point@social-affairs.local",
                "notification.directory.agencies[0].areas[0].area-prefix", "11",
                "notification.directory.agencies[0].areas[0].focal-point", "focal-point.11@social-affairs.local",
                "notification.directory.agencies[1].agency", "POLICE",
                "notification.directory.agencies[1].focal-point", "https://police.example/hook",
                "notification.directory.agencies[1].channel", "WEBHOOK"));

        var directory = new Binder(source).bind("notification.directory", DirectoryProperties.class).get()
                .toDirectory();

        assertThat(directory.focalPointFor("SOCIAL_AFFAIRS", "11"))
                .contains(Recipient.recorded("focal-point.11@social-affairs.local"));
        assertThat(directory.focalPointFor("SOCIAL_AFFAIRS", "01"))
                .contains(Recipient.recorded("focal-point@social-affairs.local"));
        assertThat(directory.focalPointFor("POLICE", "01"))
                .contains(new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK));
        assertThat(directory.focalPointFor("HEALTH", "01")).isEmpty();
    }

    @Test
    void furtherRecipientsOfAnAgencyFollowItsFocalPointAndWebhooksNameTheirSecret() {
        var source = new MapConfigurationPropertySource(Map.of(
                "notification.directory.agencies[0].agency", "POLICE",
                "notification.directory.agencies[0].focal-point", "focal-point@police.local",
                "notification.directory.agencies[0].recipients[0].channel", "WEBHOOK",
                "notification.directory.agencies[0].recipients[0].address", "https://police.example/hook",
                "notification.directory.agencies[0].recipients[0].secret-ref", "CPRP_WEBHOOK_SECRET_POLICE",
                "notification.directory.agencies[0].recipients[1].channel", "EMAIL",
                "notification.directory.agencies[0].recipients[1].address", "duty@police.example"));

        var properties = new Binder(source).bind("notification.directory", DirectoryProperties.class).get();

        assertThat(properties.toDirectory().recipientsFor("POLICE", "01")).containsExactly(
                Recipient.recorded("focal-point@police.local"),
                new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK),
                new Recipient("duty@police.example", DeliveryChannel.EMAIL));
        assertThat(properties.webhookSecretRefs())
                .containsExactlyEntriesOf(Map.of("https://police.example/hook", "CPRP_WEBHOOK_SECRET_POLICE"));
    }

    @Test
    void backupFocalPointsAndProvinceCoordinatorsBindWithADefaultCoordinatorForOtherProvinces() {
        var source = new MapConfigurationPropertySource(Map.of(
                "notification.directory.agencies[0].agency", "POLICE",
                "notification.directory.agencies[0].focal-point", "focal-point@police.local",
                "notification.directory.agencies[0].channel", "EMAIL",
                "notification.directory.agencies[0].backup-focal-point", "backup@police.local",
                "notification.directory.coordinators[0].province", "11",
                "notification.directory.coordinators[0].address", "coordinator.11@social-affairs.local",
                "notification.directory.coordinators[0].channel", "EMAIL",
                "notification.directory.default-coordinator.address", "coordinator@social-affairs.local"));

        var directory = new Binder(source).bind("notification.directory", DirectoryProperties.class).get()
                .toDirectory();

        assertThat(directory.backupFocalPointFor("POLICE"))
                .contains(new Recipient("backup@police.local", DeliveryChannel.EMAIL));
        assertThat(directory.backupFocalPointFor("HEALTH")).isEmpty();
        assertThat(directory.coordinatorFor("11"))
                .contains(new Recipient("coordinator.11@social-affairs.local", DeliveryChannel.EMAIL));
        assertThat(directory.coordinatorFor("01")).contains(Recipient.recorded("coordinator@social-affairs.local"));
        assertThat(directory.coordinatorFor(null)).contains(Recipient.recorded("coordinator@social-affairs.local"));
    }
}
