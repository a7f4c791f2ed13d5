package vn.childprotection.platform.contracts;

/**
 * Why an agency declined or forwarded a referral, as a code that can be counted and shared on {@code case.events.v1}
 * (the agency's own wording stays on its response and in the referral store: it may name people).
 */
public enum ReasonCode {
    /** The matter is outside the agency's mandate. */
    OUTSIDE_MANDATE,
    /** The child or the harm is in another area than the unit's. */
    WRONG_AREA,
    /** The same child and facts are already handled under another case. */
    DUPLICATE,
    /** The agency cannot act on what it was given. */
    INSUFFICIENT_INFORMATION,
    /** Another agency is better placed (forwarding). */
    BETTER_PLACED_AGENCY,
    OTHER
}
