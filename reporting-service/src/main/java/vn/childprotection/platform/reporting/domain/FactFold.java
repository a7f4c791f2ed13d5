package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.NotificationEvent;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The facts folded in memory from a stream of events (a rebuild reads the topics from their beginning): the same
 * {@link ProjectionRules} as the live projection, so the result is the same fact for fact. Each event counts once,
 * by event id, however often the topic holds it. Not thread-safe: one rebuild folds on one thread.
 */
public final class FactFold {

    private final Areas areas;
    private final Map<String, CaseFact> cases = new HashMap<>();
    private final Map<String, ReferralFact> referrals = new LinkedHashMap<>();
    private final Map<String, NotificationFact> notifications = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private long duplicates;

    /** @param areas places the opened cases on the map of their day, as the live projection does */
    public FactFold(Areas areas) {
        this.areas = areas;
    }

    /** Folds one event; false when its id was folded already. */
    public boolean fold(Event event) {
        if (!seen.add(event.eventId())) {
            duplicates++;
            return false;
        }
        switch (event) {
            case CaseEvent caseEvent when !ProjectionRules.counts(caseEvent) -> {
                // nothing a figure is made of (the erasure of a case's personal data)
            }
            case CaseEvent caseEvent -> ProjectionRules.referralIdOf(caseEvent).ifPresentOrElse(
                    referralId -> ProjectionRules.applyToReferral(referrals.computeIfAbsent(referralId,
                            id -> new ReferralFact(id, caseEvent.caseId())), caseEvent),
                    () -> ProjectionRules.applyToCase(cases.computeIfAbsent(caseEvent.caseId(), CaseFact::new),
                            caseEvent, areas));
            case NotificationEvent notification ->
                    notifications.putIfAbsent(notification.eventId(), NotificationFact.of(notification));
            default -> {
                // another family (intake): nothing reporting counts
            }
        }
        return true;
    }

    /** Gives every referral its case's context (province, district, reception date); call once folding is done. */
    public FactFold attachContexts() {
        referrals.values().forEach(referral -> {
            CaseFact fact = cases.get(referral.caseId());
            if (fact != null && fact.opened()) {
                referral.caseContext(fact.context());
            }
        });
        return this;
    }

    public Collection<CaseFact> cases() {
        return cases.values();
    }

    public Collection<ReferralFact> referrals() {
        return referrals.values();
    }

    public Collection<NotificationFact> notifications() {
        return notifications.values();
    }

    public long duplicates() {
        return duplicates;
    }
}
