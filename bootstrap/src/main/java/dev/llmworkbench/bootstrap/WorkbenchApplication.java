package dev.llmworkbench.bootstrap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All REST resources, from every adapter jar in WEB-INF/lib, served from the context root. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "LLM Workbench", version = "0.1.0",
        description = "OpenAI-compatible emulator with per-request timing (X-TTFT-MS, X-ITL-MS, X-OUTPUT-LENGTH), "
                + "load-test runner, gateway and batch server."))
public class WorkbenchApplication extends Application {
}
