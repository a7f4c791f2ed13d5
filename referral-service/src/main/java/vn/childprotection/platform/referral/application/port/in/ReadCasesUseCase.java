package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.util.Optional;

/** Read side of the API: one case, and the ruleset in force. */
public interface ReadCasesUseCase {

    Optional<Case> findCase(String caseId);

    Ruleset ruleset();
}
