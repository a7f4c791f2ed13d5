package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.Severity;

import java.util.List;

/**
 * A HIGH or EMERGENCY case escalated at once to the coordinator, the board's standing deputy head (S0 Art 5.4), with
 * its deadlines.
 */
public record Escalation(String escalationId, Severity severity, String reason, String recipientRole,
                         List<EscalationRaised.Deadline> deadlines) {

    public Escalation {
        deadlines = List.copyOf(deadlines);
    }
}
