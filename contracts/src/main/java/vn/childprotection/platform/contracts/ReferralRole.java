package vn.childprotection.platform.contracts;

/** PRIMARY must act; SUPPORTING provides services; INFORMED is told (the standing agency, S0 Art 8.4). */
public enum ReferralRole {
    PRIMARY, SUPPORTING, INFORMED;

    /** True when this role is stronger than {@code other} (PRIMARY > SUPPORTING > INFORMED). */
    public boolean strongerThan(ReferralRole other) {
        return ordinal() < other.ordinal();
    }
}
