package vn.childprotection.platform.reporting.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts one set of figures is computed from: the opened cases the {@link StatsFilter} keeps, their referrals
 * (only the filtered agency's, when one is set) and the notifications about them.
 */
public final class FactSet {

    private final List<CaseFact> cases;
    private final List<ReferralFact> referrals;
    private final List<NotificationFact> notifications;
    private final Map<String, CaseFact> caseById = new HashMap<>();

    private FactSet(List<CaseFact> cases, List<ReferralFact> referrals, List<NotificationFact> notifications) {
        this.cases = cases;
        this.referrals = referrals;
        this.notifications = notifications;
        cases.forEach(fact -> caseById.put(fact.caseId(), fact));
    }

    /**
     * Applies the whole filter to candidate facts (the store may have narrowed them by date and place already).
     */
    public static FactSet select(Collection<CaseFact> candidateCases, Collection<ReferralFact> candidateReferrals,
                                 Collection<NotificationFact> candidateNotifications, StatsFilter filter) {
        Set<String> withAgency = new HashSet<>();
        if (filter.agency() != null) {
            candidateReferrals.stream().filter(filter::matchesAgency).forEach(r -> withAgency.add(r.caseId()));
        }
        List<CaseFact> cases = candidateCases.stream()
                .filter(filter::matchesCase)
                .filter(fact -> filter.agency() == null || withAgency.contains(fact.caseId()))
                .toList();
        Set<String> caseIds = new HashSet<>();
        cases.forEach(fact -> caseIds.add(fact.caseId()));
        List<ReferralFact> referrals = candidateReferrals.stream()
                .filter(r -> caseIds.contains(r.caseId()))
                .filter(filter::matchesAgency)
                .toList();
        List<NotificationFact> notifications = candidateNotifications.stream()
                .filter(n -> n.caseId() != null && caseIds.contains(n.caseId()))
                .toList();
        return new FactSet(cases, referrals, notifications);
    }

    public List<CaseFact> cases() {
        return cases;
    }

    public List<ReferralFact> referrals() {
        return referrals;
    }

    public List<NotificationFact> notifications() {
        return notifications;
    }

    public CaseFact caseOf(ReferralFact referral) {
        return caseById.get(referral.caseId());
    }
}
