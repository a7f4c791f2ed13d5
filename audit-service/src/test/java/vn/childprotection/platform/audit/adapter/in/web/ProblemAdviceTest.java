package vn.childprotection.platform.audit.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.childprotection.platform.audit.application.TooManyRecordsException;
import vn.childprotection.platform.audit.application.VerificationBusyException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    @SuppressWarnings("unchecked")
    void bad_parameters_are_a_400_problem_listing_each() {
        ResponseEntity<ProblemDetail> answer = advice.invalidParameters(new InvalidParametersException(List.of(
                new InvalidParametersException.FieldError("from", "must be an ISO-8601 instant"),
                new InvalidParametersException.FieldError("size", "must be 1 to 500"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).isEqualTo("Invalid query parameter(s): from, size");
        assertThat((List<InvalidParametersException.FieldError>) answer.getBody().getProperties().get("errors"))
                .hasSize(2);
    }

    @Test
    void an_export_over_its_limit_is_a_422_asking_for_a_narrower_period() {
        ResponseEntity<ProblemDetail> answer = advice.tooManyRecords(new TooManyRecordsException(1_200_000, 1_000_000));

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody().getType()).isEqualTo(ProblemAdvice.SELECTION_TOO_LARGE);
        assertThat(answer.getBody().getDetail()).contains("1200000").contains("1000000");
    }

    @Test
    void a_running_verification_is_a_503_with_retry_after() {
        ResponseEntity<ProblemDetail> answer = advice.busy(new VerificationBusyException());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    }
}
