package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseFilter;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ListPage;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;
import vn.childprotection.platform.referral.domain.RoutingPlan;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

public final class ReadCasesService implements ReadCasesUseCase {

    private final CaseRepository cases;
    private final RulesetSource rulesets;
    private final Clock clock;

    public ReadCasesService(CaseRepository cases, RulesetSource rulesets, Clock clock) {
        this.cases = cases;
        this.rulesets = rulesets;
        this.clock = clock;
    }

    @Override
    public Optional<Case> findCase(String caseId) {
        return cases.findById(caseId);
    }

    @Override
    public ListPage<Case> listCases(QueryScope scope, CaseFilter filter, int page, int size) {
        return cases.findCases(scope, filter, page, size);
    }

    @Override
    public ListPage<CaseRepository.ScopedReferral> listReferrals(QueryScope scope, ReferralStatus status, int page,
                                                                 int size) {
        return cases.findReferrals(scope, status, page, size);
    }

    @Override
    public Ruleset ruleset(String provinceCode, LocalDate day) {
        LocalDate at = day != null ? day
                : clock.instant().atZone(rulesets.routing().deadlines().zone()).toLocalDate();
        return rulesets.inForce(provinceCode, at);
    }

    @Override
    public RoutingPlan preview(RoutingEnvironment.Request request) {
        return rulesets.routing().plan(request);
    }
}
