package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.octopuses.OctopusesTest;
import io.octopuses.security.RawHttp.Answer;

/**
 * Nobody can lock an account without its password: wrong passwords for a user, on each of the three places that
 * check one, only ever block the address they came from (429 problem JSON with Retry-After), never the user.
 * Camunda's default settings would refuse the right password for 3 s after one wrong one and for good after ten.
 */
@OctopusesTest
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class PasswordThrottlingTest {

    private static final String USER = "throttlevictim";
    private static final String PASSWORD = "right-Passw0rd";
    private static final String GUESSER = "127.0.0.1";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    LoginThrottleProperties limits;
    @Autowired
    ApiTokens tokens;

    RawHttp http;

    /** The three places a password is checked, each asked the same way. */
    enum Surface {
        API, ENGINE_REST, WEBAPP_LOGIN;

        Answer login(RawHttp http, String from, String password) {
            return switch (this) {
                case API -> http.get(from, "/api/v1/servers", RawHttp.basic(USER, password));
                case ENGINE_REST -> http.get(from, "/engine-rest/process-definition/count", RawHttp.basic(USER, password));
                case WEBAPP_LOGIN -> webappLogin(http, from, password);
            };
        }

        /** As the login page does it: a GET for the session and CSRF cookies, then the form POST with the token. */
        private static Answer webappLogin(RawHttp http, String from, String password) {
            Answer page = http.get(from, "/camunda/app/welcome/default/", null);
            String cookies = page.header("Set-Cookie");
            Matcher session = Pattern.compile("JSESSIONID=([^;,\\s]+)").matcher(cookies);
            Matcher csrf = Pattern.compile("XSRF-TOKEN=([^;,\\s]+)").matcher(cookies);
            assertThat(session.find() && csrf.find()).as("session and CSRF cookies in " + cookies).isTrue();
            return http.send(from, "POST", "/camunda/api/admin/auth/user/default/login/welcome", null,
                    "application/x-www-form-urlencoded",
                    "username=" + USER + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
                    Map.of("Cookie", "JSESSIONID=" + session.group(1) + "; XSRF-TOKEN=" + csrf.group(1),
                            "X-XSRF-TOKEN", csrf.group(1)));
        }
    }

    @BeforeEach
    void freshUserAndThrottle() {
        if (identity.createUserQuery().userId(USER).count() == 0) {
            User user = identity.newUser(USER);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        throttle.forgetAll();
        http = new RawHttp(port);
    }

    @AfterEach
    void unblockLoopbackForTheOtherTests() {
        throttle.forgetAll();
    }

    @ParameterizedTest
    @EnumSource(Surface.class)
    void wrongPasswordsBlockTheirAddressNotTheUser(Surface surface, CapturedOutput output) {
        for (int i = 1; i < limits.maxFailures(); i++) {
            assertThat(surface.login(http, GUESSER, "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(surface.login(http, GUESSER, PASSWORD).status())
                .as("the right password right after wrong ones").isEqualTo(200);

        assertThat(surface.login(http, GUESSER, "wrong-last").status()).isEqualTo(401);
        Answer refused = surface.login(http, GUESSER, PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive()
                .isLessThanOrEqualTo(limits.block().toSeconds());
        assertThat(refused.json().get("type").asText()).isEqualTo("https://octopuses.io/problems/too-many-failed-logins");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.json().get("detail").asText()).contains("refused for another");
        assertThat(refused.json().get("fix").asText()).contains("Bearer");
        assertThat(output.getAll()).contains("Refusing logins from " + GUESSER);
    }

    @ParameterizedTest
    @EnumSource(Surface.class)
    void aBlockedAddressDoesNotKeepTheUserOutElsewhere(Surface surface) {
        assumeTrue(RawHttp.canBind("127.0.0.2") && RawHttp.canBind("127.0.0.3"),
                "this loopback has only 127.0.0.1; LoginThrottleTest covers several addresses");
        for (int i = 0; i < limits.maxFailures(); i++) {
            surface.login(http, GUESSER, "wrong-" + i);
        }
        assertThat(surface.login(http, GUESSER, PASSWORD).status()).isEqualTo(429);
        // more wrong passwords from a second address: with the first, more than Camunda's default lockout (10)
        for (int i = 1; i < limits.maxFailures(); i++) {
            assertThat(surface.login(http, "127.0.0.2", "wrong-" + i).status()).isEqualTo(401);
        }

        assertThat(surface.login(http, "127.0.0.2", PASSWORD).status()).isEqualTo(200);
        assertThat(surface.login(http, "127.0.0.3", PASSWORD).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = Surface.class, names = {"API", "ENGINE_REST"})
    void callsWithATokenAreNeitherCountedNorRefused(Surface surface) {
        String path = surface == Surface.API ? "/api/v1/servers" : "/engine-rest/process-definition/count";
        ApiTokens.Created token = tokens.create(USER, "ci", null, 1);
        try {
            for (int i = 0; i < limits.maxFailures() + 2; i++) {
                assertThat(http.get(GUESSER, path, "Bearer octs_not-a-token-" + i).status()).isEqualTo(401);
            }
            assertThat(surface.login(http, GUESSER, PASSWORD).status()).as("wrong tokens did not count").isEqualTo(200);

            for (int i = 0; i < limits.maxFailures(); i++) {
                surface.login(http, GUESSER, "wrong-" + i);
            }
            assertThat(surface.login(http, GUESSER, PASSWORD).status()).isEqualTo(429);
            assertThat(http.get(GUESSER, path, "Bearer " + token.secret()).status())
                    .as("CI behind the blocked address keeps working with its token").isEqualTo(200);
        } finally {
            tokens.revoke(token.token().id(), USER, false);
        }
    }
}
