package vn.childprotection.platform.notification.application.port.out;

import java.util.Optional;

/**
 * The province of each case, from its {@code CaseOpened} (codes only), so that case-level notifications reach the
 * province's coordinator (S0 Art 5.4): {@code EscalationRaised} carries no area.
 */
public interface CaseProvinces {

    void remember(String caseId, String provinceCode);

    Optional<String> provinceOf(String caseId);
}
