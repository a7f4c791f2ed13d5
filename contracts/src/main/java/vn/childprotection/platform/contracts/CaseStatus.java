package vn.childprotection.platform.contracts;

/** RECORDED: counselling contact, nothing routed. REFERRED: referrals issued and open. */
public enum CaseStatus { RECORDED, REFERRED, IN_PROGRESS, COMPLETED, CLOSED }
