package vn.childprotection.platform.reporting.application;

import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A compare-and-set fact store in memory; {@link #loseNextRaces} makes the next saves fail as if overtaken. */
final class InMemoryFactStore implements FactStore {

    final Map<String, Revisioned<CaseFact>> cases = new HashMap<>();
    final Map<String, Revisioned<ReferralFact>> referrals = new HashMap<>();
    final List<ProcessedEvent> ledger = new ArrayList<>();
    private int racesToLose;

    void loseNextRaces(int count) {
        racesToLose = count;
    }

    @Override
    public Optional<Revisioned<CaseFact>> findCase(String caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    @Override
    public boolean saveCase(CaseFact fact, Optional<Long> expectedRevision) {
        return save(cases, fact.caseId(), fact, expectedRevision);
    }

    @Override
    public Optional<Revisioned<ReferralFact>> findReferral(String referralId) {
        return Optional.ofNullable(referrals.get(referralId));
    }

    @Override
    public boolean saveReferral(ReferralFact fact, Optional<Long> expectedRevision) {
        return save(referrals, fact.referralId(), fact, expectedRevision);
    }

    @Override
    public void attachCaseContext(String caseId, CaseContext context) {
        referrals.replaceAll((id, stored) -> stored.value().caseId().equals(caseId)
                ? new Revisioned<>(stored.value().withCaseContext(context), stored.revision() + 1)
                : stored);
    }

    @Override
    public void recordProcessed(ProcessedEvent event) {
        ledger.add(event);
    }

    private <F> boolean save(Map<String, Revisioned<F>> facts, String id, F fact, Optional<Long> expected) {
        if (racesToLose > 0) {
            racesToLose--;
            return false;
        }
        Optional<Long> actual = Optional.ofNullable(facts.get(id)).map(Revisioned::revision);
        if (!actual.equals(expected)) {
            return false;
        }
        facts.put(id, new Revisioned<>(fact, actual.orElse(0L) + 1));
        return true;
    }
}
