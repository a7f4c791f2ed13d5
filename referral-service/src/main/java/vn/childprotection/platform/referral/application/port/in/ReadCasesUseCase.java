package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.referral.application.port.out.CaseFilter;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ListPage;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;
import vn.childprotection.platform.referral.domain.RoutingPlan;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.LocalDate;
import java.util.Optional;

/** Read side of the API: one case, the ruleset in force, and a routing preview that creates nothing. */
public interface ReadCasesUseCase {

    Optional<Case> findCase(String caseId);

    /** Cases the scope reaches, newest first (narrowed in the store query). */
    ListPage<Case> listCases(QueryScope scope, CaseFilter filter, int page, int size);

    /** Referrals the scope reaches, newest first (narrowed in the store query). */
    ListPage<CaseRepository.ScopedReferral> listReferrals(QueryScope scope, ReferralStatus status, int page,
                                                          int size);

    /** The merged ruleset in force for a province ({@code null}: national) on a day ({@code null}: today). */
    Ruleset ruleset(String provinceCode, LocalDate day);

    /** What routing would decide for a report; nothing is stored or published. */
    RoutingPlan preview(RoutingEnvironment.Request request);
}
