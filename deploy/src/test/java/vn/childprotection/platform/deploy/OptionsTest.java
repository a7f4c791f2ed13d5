package vn.childprotection.platform.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void anArgumentWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of("KAFKA_PORT", "19092", "KAFKA_DATA_DIR", "/data/kafka");
        Options options = Options.parse(new String[] {"--port=29092", "--set", "num.partitions=3"}, env::get);

        LocalKafkaBroker.Settings settings = KafkaBrokerMain.settings(options);

        assertThat(settings.port()).isEqualTo(29092);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/data/kafka"));
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.overrides()).containsEntry("num.partitions", "3");
    }

    @Test
    void theBrokerIsASingleNodeKraftCombinedServerWithOverridesApplied() {
        LocalKafkaBroker broker = new LocalKafkaBroker(new LocalKafkaBroker.Settings("127.0.0.1", 9092, 9093,
                Path.of("/tmp/k"), Map.of("num.partitions", "3")));

        assertThat(broker.brokerProperties())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("num.partitions", "3");
    }

    @Test
    void aTlsDirectorySecuresTheBrokerWithPasswordsFromTheEnvironmentOnly() {
        Map<String, String> env = Map.of("KAFKA_KEYSTORE_PASSWORD", "k", "KAFKA_ADMIN_PASSWORD", "a",
                "KAFKA_CONTROLLER_PASSWORD", "c");
        Options options = Options.parse(new String[] {"--tls-dir", "/var/tls"}, env::get);

        LocalKafkaBroker.Settings settings = KafkaBrokerMain.settings(options);

        assertThat(settings.security().keystore()).isEqualTo(Path.of("/var/tls/broker.p12"));
        assertThat(settings.security().caCertificate()).isEqualTo(Path.of("/var/tls/ca.pem"));
        assertThat(settings.security().admin()).isEqualTo("admin");
        assertThat(new LocalKafkaBroker(settings).brokerProperties())
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("advertised.listeners", "SASL_SSL://127.0.0.1:9092");
        assertThatThrownBy(() -> KafkaBrokerMain.settings(Options.parse(new String[] {"--tls-dir", "/var/tls"},
                name -> null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_KEYSTORE_PASSWORD");
        assertThat(KafkaBrokerMain.settings(Options.parse(new String[0], name -> null)).security()).isNull();
    }

    @Test
    void aBadPortIsRejectedWithItsName() {
        Options options = Options.parse(new String[] {"--port", "99999"}, name -> null);

        assertThatThrownBy(() -> KafkaBrokerMain.settings(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
    }

    @Test
    void theStoresOplogIsOnOrOffAndAnythingElseIsRejected() {
        assertThat(MongoStandInMain.oplog("off")).isFalse();
        assertThat(MongoStandInMain.oplog(" ON ")).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MongoStandInMain.oplog("maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on or off");
    }
}
