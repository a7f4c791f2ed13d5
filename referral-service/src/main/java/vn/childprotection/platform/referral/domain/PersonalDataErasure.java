package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.PersonalDataErased;

import java.time.Instant;
import java.util.Objects;

/**
 * When and why a case's personal data was erased: the child's name, the informant's name and phone, the narrative,
 * the agencies' wording in the responses and the personal fields of the outbox's copies. What the figures and the
 * agency loop need (codes, the child's sex and age, times, statuses, the informant's relationship and flags) stays.
 *
 * @param cause RETENTION (the closed case's period ran out) or REQUEST (a coordinator, with a written reason kept in
 *              the audit trail)
 */
public record PersonalDataErasure(Instant at, PersonalDataErased.Cause cause) {

    public PersonalDataErasure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
    }
}
