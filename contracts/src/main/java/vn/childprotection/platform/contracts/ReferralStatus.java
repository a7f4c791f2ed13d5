package vn.childprotection.platform.contracts;

/** Lifecycle of one referral. The agency loop (acknowledge, accept, forward, complete) moves it past ISSUED. */
public enum ReferralStatus { ISSUED, ACKNOWLEDGED, ACCEPTED, IN_PROGRESS, DECLINED, FORWARDED, COMPLETED }
