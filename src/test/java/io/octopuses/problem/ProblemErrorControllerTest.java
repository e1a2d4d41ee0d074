package io.octopuses.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@code /error} keeps the status it was forwarded with, never Boot's 999, and is a 404 when called directly. */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aForwardedErrorKeepsItsStatus() {
        ResponseEntity<ProblemDetail> answer = controller.error(forwarded(503, "/engine-rest/task"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType()).hasToString("https://octopuses.io/problems/service-unavailable");
        assertThat(answer.getBody().getTitle()).isEqualTo("Service unavailable");
        assertThat(answer.getBody().getDetail()).contains("/engine-rest/task");
        assertThat(answer.getBody().getProperties()).containsKey("fix");
    }

    @Test
    void aStatusThatIsNoErrorBecomesA500() {
        for (int odd : new int[] {999, 200, 0}) {
            ResponseEntity<ProblemDetail> answer = controller.error(forwarded(odd, "/x"));

            assertThat(answer.getStatusCode().value()).as("forwarded %d", odd).isEqualTo(500);
            assertThat(answer.getBody().getType()).hasToString("https://octopuses.io/problems/internal-error");
        }
    }

    @Test
    void aDirectCallIsNotFound() {
        ResponseEntity<ProblemDetail> answer = controller.error(new MockHttpServletRequest("GET", "/error"));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().getDetail()).isEqualTo("There is nothing at GET /error.");
    }

    @Test
    void theForwardedPathIsEscaped() {
        ResponseEntity<ProblemDetail> answer = controller.error(forwarded(404, "/a\nFAKE LOG LINE"));

        assertThat(answer.getBody().getDetail()).isEqualTo("There is nothing at /a\\nFAKE LOG LINE.");
    }

    private static MockHttpServletRequest forwarded(int status, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
