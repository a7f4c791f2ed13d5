package vn.childprotection.platform.intake.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;
import vn.childprotection.platform.intake.application.port.out.ReportLog;
import vn.childprotection.platform.intake.application.port.out.ReportPublisher;
import vn.childprotection.platform.intake.domain.Fingerprint;
import vn.childprotection.platform.intake.domain.ReportDraft;
import vn.childprotection.platform.intake.domain.ReportRecord;
import vn.childprotection.platform.intake.fixtures.ReportDrafts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.intake.fixtures.ReportDrafts.placed;

class SubmitReportServiceTest {

    private final InMemoryReportLog log = new InMemoryReportLog();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SubmitReportService service = new SubmitReportService(log, publisher,
            Clock.fixed(Instant.parse("2026-11-20T03:00:00.123456789Z"), ZoneOffset.UTC));

    @Test
    void a_new_report_is_published_keyed_by_its_case_and_then_marked_published() {
        ReportDraft report = ReportDrafts.valid();

        SubmitReportUseCase.Result result = service.submit(placed(report));

        String caseId = Ids.caseIdFor(report.reportId());
        assertThat(result).isEqualTo(new SubmitReportUseCase.Accepted(report.reportId(), caseId, false));
        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.caseId()).isEqualTo(caseId);
            assertThat(event.eventId()).isEqualTo(Ids.nameBased(ReportSubmitted.TYPE, report.reportId().toString()));
            assertThat(event.narrative()).isEqualTo(report.narrative());
        });
        assertThat(log.records.get(report.reportId()).status()).isEqualTo(ReportRecord.Status.PUBLISHED);
    }

    @Test
    void an_anonymous_report_with_a_name_and_phone_is_published_and_remembered_with_neither() {
        ReportDraft v = ReportDrafts.valid();
        ReportDraft anonymous = new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(),
                v.concerns(), v.severity(), v.location(), v.child(), new Reporter("Trần Văn Bình", "0912 345 678",
                ReporterRelationship.NEIGHBOUR, true, true), v.narrative());

        service.submit(placed(anonymous));

        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.reporter().fullName()).isNull();
            assertThat(event.reporter().phone()).isNull();
            assertThat(EventJson.writeString(event)).doesNotContain("Trần Văn Bình", "0912 345 678");
        });
        ReportDraft sameWithoutThem = new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(),
                v.concerns(), v.severity(), v.location(), v.child(), new Reporter(null, null,
                ReporterRelationship.NEIGHBOUR, true, true), v.narrative());
        assertThat(log.records.get(v.reportId()).fingerprint())
                .isEqualTo(Fingerprint.of(sameWithoutThem.normalized()));
    }

    @Test
    void the_same_report_again_answers_the_same_case_and_publishes_nothing_new() {
        ReportDraft report = ReportDrafts.valid();
        service.submit(placed(report));

        SubmitReportUseCase.Result again = service.submit(placed(report));

        assertThat(again).isEqualTo(new SubmitReportUseCase.Accepted(report.reportId(),
                Ids.caseIdFor(report.reportId()), true));
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void a_retry_while_the_published_mark_is_still_pending_off_the_request_path_publishes_nothing_new() {
        List<Runnable> marks = new ArrayList<>();
        SubmitReportService deferred = new SubmitReportService(log, publisher,
                Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC), marks::add);
        ReportDraft report = ReportDrafts.valid();

        assertThat(deferred.submit(placed(report))).isInstanceOf(SubmitReportUseCase.Accepted.class);
        assertThat(log.records.get(report.reportId()).status()).isEqualTo(ReportRecord.Status.PENDING);
        SubmitReportUseCase.Result again = deferred.submit(placed(report));
        marks.forEach(Runnable::run);

        assertThat(again).isEqualTo(new SubmitReportUseCase.Accepted(report.reportId(),
                Ids.caseIdFor(report.reportId()), true));
        assertThat(publisher.published).hasSize(1);
        assertThat(log.records.get(report.reportId()).status()).isEqualTo(ReportRecord.Status.PUBLISHED);
    }

    @Test
    void while_its_lane_has_a_full_routing_backlog_a_report_is_unavailable_and_nothing_is_stored_or_published() {
        SubmitReportService behind = new SubmitReportService(log, publisher,
                severity -> severity == Severity.EMERGENCY, Clock.systemUTC(), Runnable::run);
        ReportDraft high = ReportDrafts.valid();

        SubmitReportUseCase.Result result = behind.submit(placed(high));

        assertThat(result).isEqualTo(new SubmitReportUseCase.Unavailable(high.reportId(),
                "routing is behind: its backlog is full"));
        assertThat(log.records).isEmpty();
        assertThat(publisher.published).isEmpty();

        // the emergency lane has a backlog of its own
        ReportDraft emergency = ReportDrafts.valid(Severity.EMERGENCY);
        assertThat(behind.submit(placed(emergency))).isInstanceOf(SubmitReportUseCase.Accepted.class);
    }

    @Test
    void another_report_under_a_known_id_is_a_conflict() {
        ReportDraft report = ReportDrafts.valid();
        service.submit(placed(report));
        ReportDraft changed = new ReportDraft(report.reportId(), report.receivedAt(), report.channel(),
                report.contactType(), report.concerns(), report.severity(), report.location(), report.child(),
                report.reporter(), "Một câu chuyện khác.");

        assertThat(service.submit(placed(changed))).isInstanceOf(SubmitReportUseCase.Conflict.class);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void an_unconfirmed_report_is_unavailable_and_its_retry_publishes_the_identical_event() {
        ReportDraft report = ReportDrafts.valid();
        publisher.failNext = true;

        assertThat(service.submit(placed(report))).isInstanceOf(SubmitReportUseCase.Unavailable.class);
        assertThat(log.records.get(report.reportId()).status()).isEqualTo(ReportRecord.Status.PENDING);

        assertThat(service.submit(placed(report))).isInstanceOf(SubmitReportUseCase.Accepted.class);
        assertThat(publisher.attempts).hasSize(2);
        assertThat(EventJson.write(publisher.attempts.get(1))).isEqualTo(EventJson.write(publisher.attempts.get(0)));
        assertThat(log.records.get(report.reportId()).status()).isEqualTo(ReportRecord.Status.PUBLISHED);
    }

    @Test
    void the_event_time_has_the_millisecond_precision_the_store_keeps_so_a_re_publish_from_it_is_identical() {
        ReportDraft report = ReportDrafts.valid();

        service.submit(placed(report));

        assertThat(publisher.published.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-20T03:00:00.123Z"));
        assertThat(log.records.get(report.reportId()).acceptedAt()).isEqualTo(Instant.parse("2026-11-20T03:00:00.123Z"));
    }

    @Test
    void a_report_left_pending_by_another_attempt_is_published_once_more_with_the_stored_time_and_accepted() {
        ReportDraft report = ReportDrafts.valid();
        String fingerprint = vn.childprotection.platform.intake.domain.Fingerprint.of(report);
        Instant firstAttempt = Instant.parse("2026-11-20T02:59:58.001Z");
        log.records.put(report.reportId(), new ReportRecord(report.reportId(), fingerprint,
                Ids.caseIdFor(report.reportId()), ReportRecord.Status.PENDING, firstAttempt));

        SubmitReportUseCase.Result result = service.submit(placed(report));

        assertThat(result).isEqualTo(new SubmitReportUseCase.Accepted(report.reportId(),
                Ids.caseIdFor(report.reportId()), true));
        assertThat(publisher.published).singleElement().satisfies(event ->
                assertThat(event.occurredAt()).isEqualTo(firstAttempt));
        assertThat(log.records.get(report.reportId()).status()).isEqualTo(ReportRecord.Status.PUBLISHED);
    }

    @Test
    void a_report_on_the_topic_whose_mark_could_not_be_stored_is_still_accepted() {
        ReportDraft report = ReportDrafts.valid();
        log.markFails = true;

        assertThat(service.submit(placed(report))).isInstanceOf(SubmitReportUseCase.Accepted.class);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void the_event_carries_nothing_but_the_report_its_placement_and_its_deterministic_ids() {
        ReportDraft report = ReportDrafts.valid();

        service.submit(placed(report));

        ReportSubmitted event = publisher.published.getFirst();
        assertThat(event).isEqualTo(new ReportSubmitted(Ids.nameBased(ReportSubmitted.TYPE, report.reportId().toString()),
                Instant.parse("2026-11-20T03:00:00.123Z"), Ids.caseIdFor(report.reportId()), report.reportId(),
                report.receivedAt(), report.channel(), report.contactType(), report.concerns(), report.severity(),
                report.location(), report.child(), report.reporter(), report.narrative(), null,
                new AreaPlacement("VN-2026-04", AreaPlacement.Outcome.AS_GIVEN, null, List.of())));
    }

    @Test
    void a_mapped_report_is_published_at_its_placed_location_and_remembered_by_the_codes_as_given() {
        ReportDraft given = withLocation(ReportDrafts.valid(), new Location("11", "094", "03127"));

        SubmitReportUseCase.Result first = service.submit(placed(given), "operator-111");
        SubmitReportUseCase.Result again = service.submit(placed(given), "operator-111");

        assertThat(first).isEqualTo(new SubmitReportUseCase.Accepted(given.reportId(),
                Ids.caseIdFor(given.reportId()), false));
        assertThat(again).isEqualTo(new SubmitReportUseCase.Accepted(given.reportId(),
                Ids.caseIdFor(given.reportId()), true));
        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.location()).isEqualTo(new Location("11", null, "03127"));
            assertThat(event.placement().areaMap()).isEqualTo("VN-2026-04");
            assertThat(event.placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
            assertThat(event.placement().reported()).isEqualTo(new Location("11", "094", "03127"));
            assertThat(event.placement().notes()).anySatisfy(note -> assertThat(note).contains("094"));
        });
        assertThat(log.records.get(given.reportId()).fingerprint()).isEqualTo(Fingerprint.of(given));
    }

    private static ReportDraft withLocation(ReportDraft report, Location location) {
        return new ReportDraft(report.reportId(), report.receivedAt(), report.channel(), report.contactType(),
                report.concerns(), report.severity(), location, report.child(), report.reporter(),
                report.narrative());
    }

    @Test
    void a_report_log_that_cannot_be_reached_makes_the_report_unavailable_and_publishes_nothing() {
        log.down = true;

        assertThat(service.submit(placed(ReportDrafts.valid()))).isInstanceOf(SubmitReportUseCase.Unavailable.class);
        assertThat(publisher.attempts).isEmpty();
    }

    static final class InMemoryReportLog implements ReportLog {
        final Map<UUID, ReportRecord> records = new HashMap<>();
        boolean down;
        boolean markFails;

        @Override
        public Stored recordIfAbsent(ReportRecord candidate) {
            if (down) {
                throw new StoreUnavailableException("down", null);
            }
            ReportRecord existing = records.putIfAbsent(candidate.reportId(), candidate);
            return existing == null ? new Stored(candidate, false) : new Stored(existing, true);
        }

        @Override
        public void markPublished(UUID reportId) {
            if (markFails) {
                throw new StoreUnavailableException("down", null);
            }
            records.computeIfPresent(reportId, (id, record) -> record.published());
        }
    }

    static final class RecordingPublisher implements ReportPublisher {
        final List<ReportSubmitted> attempts = new ArrayList<>();
        final List<ReportSubmitted> published = new ArrayList<>();
        boolean failNext;

        @Override
        public void publish(ReportSubmitted event) {
            attempts.add(event);
            if (failNext) {
                failNext = false;
                throw new PublishFailedException("broker down", null);
            }
            published.add(event);
        }
    }
}
