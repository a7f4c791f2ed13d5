package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local broker secured: TLS with SASL/SCRAM-SHA-512 for every client, ACLs deny by default. A certificate
 * authority and the broker's certificate are made with the JDK's keytool, as {@code ./platform} will; the
 * administrator created at format time adds a principal and lets it write one topic only.
 */
class SecuredBrokerIT {

    private static final String PASSWORD = "store-password-1";
    @TempDir
    static Path tmp;
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startASecuredBroker() throws Exception {
        Path tls = tmp.resolve("tls");
        java.nio.file.Files.createDirectories(tls);
        keytool(tls, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Local Kafka CA", "-ext", "bc:c", "-ext", "KeyUsage:critical=keyCertSign,cRLSign", "-validity",
                "3650", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(tls, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-file",
                "ca.pem");
        keytool(tls, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "825", "-keystore", "broker.p12", "-storetype", "PKCS12", "-storepass",
                PASSWORD);
        keytool(tls, "-certreq", "-alias", "broker", "-keystore", "broker.p12", "-storepass", PASSWORD, "-file",
                "broker.csr");
        keytool(tls, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile",
                "broker.csr", "-outfile", "broker.pem", "-rfc", "-validity", "825", "-ext",
                "san=ip:127.0.0.1,dns:localhost", "-ext", "ExtendedKeyUsage=serverAuth");
        keytool(tls, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "broker.p12",
                "-storepass", PASSWORD);
        keytool(tls, "-importcert", "-alias", "broker", "-file", "broker.pem", "-keystore", "broker.p12",
                "-storepass", PASSWORD);

        LocalKafkaBroker.Security security = new LocalKafkaBroker.Security(tls.resolve("broker.p12"), PASSWORD,
                tls.resolve("ca.pem"), "admin", "admin-password-1", "controller-password-1");
        broker = new LocalKafkaBroker(new LocalKafkaBroker.Settings("127.0.0.1", FreePorts.next(), FreePorts.next(),
                tmp.resolve("kafka"), Map.of("num.partitions", "1"), security)).start();

        try (Admin admin = Admin.create(client("admin", "admin-password-1"))) {
            admin.createTopics(List.of(new NewTopic("mine.v1", 1, (short) 1), new NewTopic("theirs.v1", 1,
                    (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("svc-a",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), "svc-a-password")))
                    .all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "mine.v1",
                    PatternType.LITERAL), new AccessControlEntry("User:svc-a", "*", AclOperation.WRITE,
                    AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aPrincipalWritesTheTopicItMayAndIsRefusedAnotherAndAWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer = producer("svc-a", "svc-a-password")) {
            producer.send(new ProducerRecord<>("mine.v1", "k", "v")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("theirs.v1", "k", "v"))
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (KafkaProducer<String, String> wrong = producer("svc-a", "not-the-password")) {
            assertThatThrownBy(() -> wrong.send(new ProducerRecord<>("mine.v1", "k", "v")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutTlsAndSaslGetsNothing() {
        Map<String, Object> plain = new HashMap<>();
        plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        plain.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(plain, new StringSerializer(),
                new StringSerializer())) {
            // a plaintext client cannot even read the cluster's metadata: it never learns the topic exists
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("mine.v1", "k", "v")).get(10,
                    TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = client(user, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", tmp.resolve("tls/ca.pem").toString());
        return config;
    }

    private static void keytool(Path dir, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }
}
