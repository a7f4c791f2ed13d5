package vn.childprotection.platform.intake.application.port.in;

import vn.childprotection.platform.intake.domain.ReportPolicy;

import java.util.UUID;

/** Makes a valid report durable on its intake topic ({@code Topics.intakeReportsFor}), once per {@code reportId}. */
public interface SubmitReportUseCase {

    /**
     * @param report      a report that passed {@link ReportPolicy}: as given (its fingerprint) and placed on the map
     *                    of its day (what is published)
     * @param submittedBy the account that submits it (the operator's token subject), carried on the event so that
     *                    the operator may read the case back
     */
    Result submit(ReportPolicy.Valid report, String submittedBy);

    /** A report whose submitter is not known. */
    default Result submit(ReportPolicy.Valid report) {
        return submit(report, null);
    }

    sealed interface Result {
    }

    /** On the topic. {@code duplicate}: the same report was accepted before; nothing new was created. */
    record Accepted(UUID reportId, String caseId, boolean duplicate) implements Result {
    }

    /** The {@code reportId} was used before for a report with other content. */
    record Conflict(UUID reportId, String caseId) implements Result {
    }

    /** The report could not be made durable now (broker or store unreachable): the caller must retry. */
    record Unavailable(UUID reportId, String reason) implements Result {
    }
}
