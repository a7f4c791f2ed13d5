package vn.childprotection.platform.access;

import java.time.Instant;

/** What an operation is about, as far as scope is concerned; nothing personal. */
public sealed interface Target {

    /** Nothing scoped: operations of the whole platform (rebuild, audit) or lists narrowed by {@link QueryScope}. */
    record Platform() implements Target {
    }

    /** Something of a province: a case, a notification, a report to submit, figures ({@code null}: national). */
    record Province(String code) implements Target {
    }

    /** A referral: its case's province and the unit it is addressed to. */
    record Referral(String province, String unit) implements Target {
    }

    /** A case as its submitter may read it back: who submitted it, when, in which province. */
    record Submission(String province, String submittedBy, Instant submittedAt) implements Target {
    }
}
