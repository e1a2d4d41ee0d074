package io.octopuses.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.octopuses.validation.StrictJsonTestSupport;

/**
 * The exceptions our endpoints cannot provoke today but the next one will (a required parameter, a primitive in a
 * body, a status thrown by a library), against a throwaway controller: no Spring context, the handler and the
 * strict mapper as the application has them.
 */
class ApiProblemHandlerTest {

    private final ObjectMapper json = StrictJsonTestSupport.customize(Jackson2ObjectMapperBuilder.json()).build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwaway())
            .setControllerAdvice(new ApiProblemHandler())
            .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
            .build();

    enum Colour { RED, GREEN }

    record Settings(int count, boolean enabled, Colour colour) {
    }

    @RestController
    static class Throwaway {

        @GetMapping("/required")
        String required(@RequestParam String name, @RequestParam(defaultValue = "RED") Colour colour) {
            return name + colour;
        }

        @PostMapping("/settings")
        Settings settings(@RequestBody Settings settings) {
            return settings;
        }

        @GetMapping("/teapot")
        String teapot() {
            throw new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT, "Short and stout.");
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }
    }

    @Test
    void aMissingParameterIsNamed() throws Exception {
        problem(mvc.perform(get("/required")), 400, "missing-parameter")
                .andExpect(jsonPath("$.detail").value("The required parameter 'name' is missing."))
                .andExpect(jsonPath("$.fix").value("Add 'name' to the query (see /api/v1/docs)."));
    }

    @Test
    void aMistypedParameterSaysWhatItMustBe() throws Exception {
        problem(mvc.perform(get("/required").param("name", "x").param("colour", "BLUE\n")), 400, "invalid-parameter")
                .andExpect(jsonPath("$.detail").value("'colour' is 'BLUE\\n', which is not one of RED, GREEN."))
                .andExpect(jsonPath("$.fix").value("Give 'colour' as one of RED, GREEN."));
    }

    @Test
    void primitivesAndEnumsInABodyAreStrict() throws Exception {
        problem(body("{\"count\": null, \"enabled\": true, \"colour\": \"RED\"}"), 400, "malformed-body")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'count' must be an integer, not null")));
        problem(body("{\"count\": 1, \"enabled\": 1, \"colour\": \"RED\"}"), 400, "malformed-body")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'enabled' must be true or false, not 1")));
        problem(body("{\"count\": 1, \"enabled\": \"true\", \"colour\": \"RED\"}"), 400, "malformed-body")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'enabled' must be true or false")));
        problem(body("{\"count\": 1, \"enabled\": true, \"colour\": 0}"), 400, "malformed-body")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'colour' must be one of RED, GREEN, not 0")));
        mvc.perform(post("/settings").contentType(MediaType.APPLICATION_JSON).content("{\"count\": 2, \"enabled\": false, \"colour\": \"GREEN\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aStatusFromAnywhereGetsATypeAndAFix() throws Exception {
        problem(mvc.perform(get("/teapot")), 418, "i-am-a-teapot")
                .andExpect(jsonPath("$.detail").value("Short and stout."));
    }

    @Test
    void theUnforeseenTellsNoInternals() throws Exception {
        problem(mvc.perform(get("/broken")), 500, "internal-error")
                .andExpect(jsonPath("$.detail").value("Octopuses failed to handle this request (IllegalStateException)."))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    private ResultActions body(String content) throws Exception {
        return mvc.perform(post("/settings").contentType(MediaType.APPLICATION_JSON).content(content));
    }

    private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://octopuses.io/problems/" + type))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.fix").isNotEmpty());
    }
}
