package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;

import java.time.Instant;

/**
 * What narrows a list of cases beyond the caller's scope, each part optional ({@code null}: any): a status, the triage
 * queue, cases with an escalation, a commune, a concern, and the time the case was opened ({@code openedFrom}
 * inclusive, {@code openedBefore} exclusive).
 */
public record CaseFilter(CaseStatus status, boolean triageOnly, boolean escalatedOnly, String communeCode,
                         Concern concern, Instant openedFrom, Instant openedBefore) {

    /** Every case of the scope. */
    public static CaseFilter any() {
        return new CaseFilter(null, false, false, null, null, null, null);
    }
}
