package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorMapper;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The task runner's answers: {@code {"status": "success", "result": ...}} for a run that completed, else
 * {@code {"status": "error", "error": "..."}}: a 4xx naming the field for bad input, 409 for a run cancelled meanwhile,
 * 500 for a run the generator failed, 503 for one cut by a shutdown.
 */
final class TaskAnswer {
    private TaskAnswer() {
    }

    static void write(HttpServletResponse response, LoadTestRun run) throws IOException {
        String where = " What it measured is kept at GET /api/load-tests/" + run.id() + ".";
        switch (run.status()) {
            case COMPLETED -> JsonResponse.write(response, HttpServletResponse.SC_OK, RunJson.taskSuccess(run));
            case CANCELLED -> JsonResponse.write(response, HttpServletResponse.SC_CONFLICT,
                    RunJson.taskError("The run " + run.id() + " was cancelled before it ended." + where));
            case FAILED -> JsonResponse.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    RunJson.taskError("The run " + run.id() + " failed: " + run.failure().orElseThrow()));
            case INTERRUPTED, QUEUED, RUNNING -> JsonResponse.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    RunJson.taskError("The run " + run.id() + " was interrupted: the server is stopping." + where));
        }
    }

    /** A refused request, in the task runner's error shape rather than OpenAI's. */
    static void error(HttpServletResponse response, Throwable failure) throws IOException {
        ApiException refused = ErrorMapper.translate(failure);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        JsonResponse.write(response, refused.status(), RunJson.taskError(refused.getMessage()));
    }
}
