package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.childprotection.platform.reporting.application.StatsBusyException;
import vn.childprotection.platform.reporting.application.port.out.TooManyFactsException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aSelectionOverTheFactBudgetIsA422NamingTheParametersThatNarrowIt() {
        ProblemDetail problem = advice.tooManyFacts(new TooManyFactsException(60_000));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).isEqualTo(ProblemAdvice.SELECTION_TOO_LARGE);
        assertThat(problem.getDetail()).contains("60000");
        assertThat((List<InvalidParametersException.FieldError>) problem.getProperties().get("errors"))
                .extracting(InvalidParametersException.FieldError::field).containsExactly("from", "to", "province");
    }

    @Test
    void everySlotTakenIsA503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = advice.busy(new StatsBusyException());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(answer.getBody().getType()).isEqualTo(ProblemAdvice.BUSY);
    }
}
