package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.ContactErasureAudit;
import vn.childprotection.platform.notification.application.port.out.InformantContactRetention;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Recipient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The informant's phone is erased when the outcome is delivered or after the limit, whichever comes first, or when the
 * case's personal data is erased; each erasure is one audit record. On a clock the test moves.
 */
class InformantContactRetentionTest {

    private static final Duration LIMIT = Duration.ofDays(90);
    private static final Recipient PHONE = new Recipient("0912345678", DeliveryChannel.SMS);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T02:00:00Z"));
    private final KeptContacts kept = new KeptContacts(clock);
    private final List<String> audit = new ArrayList<>();
    private final ContactErasureAudit trail = (caseId, why) -> audit.add(caseId + ": " + why);
    private final InformantContactRetentionService retention = new InformantContactRetentionService(kept, trail,
            clock, LIMIT, 100);

    @Test
    void aPhoneKeptWithoutTheOutcomeDeliveredIsErasedOnceTheLimitIsReachedAndRecordedOnce() {
        kept.keep("case-1");
        clock.advance(Duration.ofDays(30));
        kept.keep("case-2");

        clock.advance(LIMIT.minus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(retention.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retention.runOnce()).isEqualTo(1);
        assertThat(retention.runOnce()).as("a second pass or instance").isZero();

        assertThat(kept.phones).containsOnlyKeys("case-2");
        assertThat(audit).singleElement().satisfies(record -> assertThat(record).startsWith("case-1: ")
                .contains("90 days").doesNotContain(PHONE.address()));
    }

    @Test
    void aPhoneIsErasedWhenTheCasesPersonalDataIsErasedAndNoNotificationIsRecordedForIt() {
        kept.keep("case-1");
        List<Object> delegated = new ArrayList<>();
        RecordReferralNotificationUseCase useCase = retention.forgettingOnErasure(event -> {
            delegated.add(event);
            return new RecordReferralNotificationUseCase.NotApplicable(event.eventType());
        });

        var outcome = useCase.handle(new PersonalDataErased(Ids.nameBased(PersonalDataErased.TYPE, "case-1"),
                clock.instant(), "case-1", PersonalDataErased.Cause.REQUEST));
        useCase.handle(new PersonalDataErased(Ids.nameBased(PersonalDataErased.TYPE, "case-1"), clock.instant(),
                "case-1", PersonalDataErased.Cause.REQUEST));

        assertThat(outcome).isEqualTo(new RecordReferralNotificationUseCase.NotApplicable(PersonalDataErased.TYPE));
        assertThat(delegated).isEmpty();
        assertThat(kept.phones).isEmpty();
        assertThat(kept.erasedMarkers).contains("case-1");
        assertThat(audit).containsExactly("case-1: " + InformantContactRetentionService.CASE_ERASED + " (REQUEST)");
    }

    @Test
    void theErasureAfterADeliveredOutcomeIsRecordedOnceEvenWhenItIsRepeated() {
        Fakes.InMemoryInformantContacts contacts = new Fakes.InMemoryInformantContacts();
        AuditedInformantContacts audited = new AuditedInformantContacts(contacts, trail);
        audited.rememberContact("case-1", PHONE);

        audited.erase("case-1");
        audited.erase("case-1");

        assertThat(contacts.find("case-1").orElseThrow().contact()).isNull();
        assertThat(audit).containsExactly("case-1: " + AuditedInformantContacts.DELIVERED);
    }

    /** The retention side of the store: phones with the time they were kept, and erasure markers. */
    private static final class KeptContacts implements InformantContactRetention {
        final Map<String, Instant> phones = new LinkedHashMap<>();
        final List<String> erasedMarkers = new ArrayList<>();
        private final Clock clock;

        KeptContacts(Clock clock) {
            this.clock = clock;
        }

        void keep(String caseId) {
            phones.put(caseId, clock.instant());
        }

        @Override
        public boolean forget(String caseId) {
            erasedMarkers.add(caseId);
            return phones.remove(caseId) != null;
        }

        @Override
        public List<String> heldSince(Instant cutoff, int limit) {
            return phones.entrySet().stream().filter(e -> !e.getValue().isAfter(cutoff)).map(Map.Entry::getKey)
                    .limit(limit).toList();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
