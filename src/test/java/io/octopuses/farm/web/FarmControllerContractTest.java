package io.octopuses.farm.web;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.octopuses.farm.Reachability;
import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.OctopusServer;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;
import io.octopuses.validation.StrictJsonTestSupport;

/**
 * The REST contract of {@code /api/v1/servers} as a web slice: the answer shapes, and every failure as RFC 9457
 * problem JSON with its status, type, detail and fix. The services stand in (the whole application is tested against
 * simulated Octopus servers in the inventory and health tests); security is off here and tested in RoleAccessTest.
 */
@WebMvcTest(FarmController.class)
@AutoConfigureMockMvc(addFilters = false)
class FarmControllerContractTest {

    private static final String REGISTRATION = """
            {"slug": "prod", "name": "Production", "baseUrl": "https://octopus.example.com", "apiKey": "API-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
             "zone": "pci-prod"}""";

    @TestConfiguration
    static class StrictAsTheApplication {
        @Bean
        Jackson2ObjectMapperBuilderCustomizer strictJson() {
            return StrictJsonTestSupport::customize;
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    FarmService farm;
    @MockitoBean
    HealthMonitor health;

    @Test
    void aServerIsShownWithoutItsKey() throws Exception {
        OctopusServer prod = server();
        when(farm.list()).thenReturn(List.of(prod));
        when(health.currentAll()).thenReturn(Map.of());

        mvc.perform(get("/api/v1/servers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("prod"))
                .andExpect(jsonPath("$[0].apiKeyStored").value(true))
                .andExpect(jsonPath("$[0].health.state").value("UNKNOWN"))
                .andExpect(jsonPath("$[0].apiKey").doesNotExist())
                .andExpect(jsonPath("$[0].apiKeyEncrypted").doesNotExist());
    }

    @Test
    void aRegistrationAnswers201WithWhereTheServerLives() throws Exception {
        OctopusServer prod = server();
        when(farm.register(any(ServerRequest.class))).thenReturn(prod);

        mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content(REGISTRATION))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/servers/prod"))
                .andExpect(jsonPath("$.slug").value("prod"));
    }

    @Test
    void eachKindOfDomainFailureHasItsStatus() throws Exception {
        Map<ProblemKind, Integer> statuses = Map.of(ProblemKind.INVALID, 400, ProblemKind.NOT_FOUND, 404,
                ProblemKind.CONFLICT, 409, ProblemKind.REFUSED, 422, ProblemKind.FORBIDDEN, 403, ProblemKind.UNAVAILABLE, 503);
        for (Map.Entry<ProblemKind, Integer> kind : statuses.entrySet()) {
            when(farm.register(any(ServerRequest.class))).thenThrow(new DomainException(kind.getKey(), "some-type",
                    "Some title", "What was wrong.", "What to do."));

            problem(mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content(REGISTRATION)),
                    kind.getValue(), "some-type")
                    .andExpect(jsonPath("$.detail").value("What was wrong."))
                    .andExpect(jsonPath("$.fix").value("What to do."));
        }
    }

    @Test
    void anInvalidFieldIsNamed() throws Exception {
        problem(mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"slug\": \"Bad Slug\", \"baseUrl\": \"https://o.example.com\", \"zone\": \"dev\"}")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[*].field", hasItem("slug")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
    }

    @Test
    void bodiesAreReadStrictly() throws Exception {
        problem(mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON)
                .content(REGISTRATION.replace("\"zone\"", "\"upgradering\": 2, \"zone\""))), 400, "malformed-body");
        problem(mvc.perform(put("/api/v1/servers/prod").contentType(MediaType.APPLICATION_JSON)
                .content(REGISTRATION + " {}")), 400, "malformed-body");
    }

    @Test
    void aNonsensicalHistoryWindowIsRefused() throws Exception {
        problem(mvc.perform(get("/api/v1/servers/prod/health/history").param("window", "999999999999d")), 400, "invalid-request");
        problem(mvc.perform(get("/api/v1/servers/prod/health/history").param("window", "-1h")), 400, "invalid-request");
    }

    @Test
    void aMissingServerIsAProblemToo() throws Exception {
        when(farm.get(eq("nope"))).thenThrow(new DomainException(ProblemKind.NOT_FOUND, "server-not-found", "No such server",
                "No server with slug 'nope' is registered.", "Check the slug."));

        problem(mvc.perform(get("/api/v1/servers/nope")), 404, "server-not-found");
    }

    private static ResultActions problem(ResultActions answer, int status, String type) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://octopuses.io/problems/" + type))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.fix").isNotEmpty());
    }

    private static OctopusServer server() {
        OctopusServer server = mock(OctopusServer.class);
        when(server.slug()).thenReturn("prod");
        when(server.name()).thenReturn("Production");
        when(server.baseUrl()).thenReturn("https://octopus.example.com");
        when(server.zone()).thenReturn("pci-prod");
        when(server.reachability()).thenReturn(Reachability.CONNECTED);
        when(server.labels()).thenReturn(Map.of());
        when(server.hasApiKey()).thenReturn(true);
        when(server.createdAt()).thenReturn(Instant.parse("2026-11-29T00:00:00Z"));
        when(server.updatedAt()).thenReturn(Instant.parse("2026-11-29T00:00:00Z"));
        return server;
    }
}
