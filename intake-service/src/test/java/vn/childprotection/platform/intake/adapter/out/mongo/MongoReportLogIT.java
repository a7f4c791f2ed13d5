package vn.childprotection.platform.intake.adapter.out.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.intake.application.port.out.ReportLog;
import vn.childprotection.platform.intake.domain.ReportRecord;
import vn.childprotection.platform.testsupport.MongoStandIn;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report log on the MongoDB stand-in, without a Spring context. */
class MongoReportLogIT {

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static MongoReportLog log;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoStandIn.uri());
        mongo = new MongoTemplate(client, "intake_log_" + UUID.randomUUID().toString().substring(0, 8));
        log = new MongoReportLog(mongo);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void a_new_report_is_stored_pending_under_its_id_with_nothing_personal() {
        ReportRecord record = pending(UUID.randomUUID(), "f1");

        ReportLog.Stored stored = log.recordIfAbsent(record);

        assertThat(stored).isEqualTo(new ReportLog.Stored(record, false));
        Document document = mongo.findById(record.reportId().toString(), Document.class, MongoReportLog.COLLECTION);
        assertThat(document).isNotNull();
        assertThat(document.keySet()).containsExactlyInAnyOrder("_id", "fingerprint", "caseId", "status",
                "acceptedAt", "createdAt", "updatedAt");
        assertThat(document.getString("status")).isEqualTo("PENDING");
    }

    @Test
    void a_second_record_under_the_same_id_returns_the_first_unchanged_with_its_exact_time() {
        UUID reportId = UUID.randomUUID();
        ReportRecord first = pending(reportId, "f1");
        log.recordIfAbsent(first);

        ReportLog.Stored again = log.recordIfAbsent(new ReportRecord(reportId, "f2", Ids.caseIdFor(reportId),
                ReportRecord.Status.PENDING, Instant.parse("2026-11-20T04:00:00.999Z")));

        assertThat(again.existed()).isTrue();
        assertThat(again.record()).isEqualTo(first);
    }

    @Test
    void a_published_report_reads_back_published() {
        UUID reportId = UUID.randomUUID();
        log.recordIfAbsent(pending(reportId, "f1"));

        log.markPublished(reportId);

        ReportLog.Stored stored = log.recordIfAbsent(pending(reportId, "f1"));
        assertThat(stored.record().status()).isEqualTo(ReportRecord.Status.PUBLISHED);
        assertThat(mongo.findById(reportId.toString(), Document.class, MongoReportLog.COLLECTION))
                .containsKeys("publishedAt", "updatedAt");
    }

    @Test
    void a_store_that_cannot_be_reached_is_reported_as_unavailable_not_as_an_error() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + closedPort))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient unreachable = MongoClients.create(settings)) {
            MongoReportLog down = new MongoReportLog(new MongoTemplate(unreachable, "intake"));

            assertThatThrownBy(() -> down.recordIfAbsent(pending(UUID.randomUUID(), "f1")))
                    .isInstanceOf(ReportLog.StoreUnavailableException.class);
            assertThatThrownBy(() -> down.markPublished(UUID.randomUUID()))
                    .isInstanceOf(ReportLog.StoreUnavailableException.class);
        }
    }

    private static ReportRecord pending(UUID reportId, String fingerprint) {
        return new ReportRecord(reportId, fingerprint, Ids.caseIdFor(reportId), ReportRecord.Status.PENDING,
                Instant.parse("2026-11-20T03:00:00.123Z"));
    }
}
