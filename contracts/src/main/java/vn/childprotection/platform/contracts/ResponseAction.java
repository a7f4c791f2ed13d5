package vn.childprotection.platform.contracts;

/**
 * What an agency says about a referral on {@code agency.responses.v1} (S0 Art 7.2: the agency acts or forwards, and
 * reports back). DECLINED needs a reason; FORWARDED needs {@code forwardTo} and a reason; COMPLETED needs an outcome.
 */
public enum ResponseAction {
    ACKNOWLEDGED, ACCEPTED, IN_PROGRESS, DECLINED, FORWARDED, COMPLETED
}
