package vn.childprotection.platform.referral.domain;

import java.util.List;

/** Whether a person must look at the case's routing, and why (unknown area codes, OTHER concerns; S0 Art 8.4). */
public record Triage(boolean required, List<String> reasons) {

    public static final Triage NONE = new Triage(false, List.of());

    public Triage {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Triage of(List<String> reasons) {
        return reasons.isEmpty() ? NONE : new Triage(true, reasons);
    }
}
