package vn.childprotection.platform.referral.domain;

/** What erasing a case's personal data comes to ({@link Case#erasePersonalData}): a rejection is a value. */
public sealed interface ErasureDecision {

    /** @param updated the case without its personal data, owing {@code PersonalDataErased} on its outbox */
    record Erased(Case updated, PersonalDataErasure erasure) implements ErasureDecision {
    }

    /** Erased before: nothing changes (a case's personal data is erased once). */
    record AlreadyErased(PersonalDataErasure erasure) implements ErasureDecision {
    }
}
