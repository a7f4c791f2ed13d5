package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.util.Optional;

public final class ReadCasesService implements ReadCasesUseCase {

    private final CaseRepository cases;
    private final RulesetSource rulesets;

    public ReadCasesService(CaseRepository cases, RulesetSource rulesets) {
        this.cases = cases;
        this.rulesets = rulesets;
    }

    @Override
    public Optional<Case> findCase(String caseId) {
        return cases.findById(caseId);
    }

    @Override
    public Ruleset ruleset() {
        return rulesets.current();
    }
}
