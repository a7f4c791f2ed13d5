package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;
import vn.childprotection.platform.referral.domain.RoutingPlan;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.LocalDate;
import java.util.Optional;

/** Read side of the API: one case, the ruleset in force, and a routing preview that creates nothing. */
public interface ReadCasesUseCase {

    Optional<Case> findCase(String caseId);

    /** The merged ruleset in force for a province ({@code null}: national) on a day ({@code null}: today). */
    Ruleset ruleset(String provinceCode, LocalDate day);

    /** What routing would decide for a report; nothing is stored or published. */
    RoutingPlan preview(RoutingEnvironment.Request request);
}
