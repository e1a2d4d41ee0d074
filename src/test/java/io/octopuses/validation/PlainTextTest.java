package io.octopuses.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    record Team(@PlainText String name,
                @PlainText(allowNewlines = true) String description,
                Map<@PlainText String, @PlainText String> labels,
                List<@PlainText String> aliases) {

        static Team named(String name) {
            return new Team(name, null, Map.of(), List.of());
        }
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void ordinaryTextOfAnyScriptPasses() {
        for (String fine : new String[] {"Payments prod", "Zürich – Øresund", "東京 本番", "Ελληνικά", "עברית", "العربية",
                "emoji 🐙 and 👍🏽", "tabs\tare not", "", " spaces  inside ", "a-b_c.d/e"}) {
            Set<ConstraintViolation<Team>> violations = validator.validate(Team.named(fine));
            if (!fine.contains("\t")) {
                assertThat(violations).as(fine).isEmpty();
            }
        }
        assertThat(validator.validate(Team.named(null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0000 | a control character",
            "0009 | a tab",
            "000A | a line break",
            "000D | a line break",
            "001B | a control character",
            "007F | a control character",
            "0085 | a control character",
            "009B | a control character",
            "00AD | an invisible format character",
            "061C | a bidirectional control character",
            "200B | an invisible format character",
            "200D | an invisible format character",
            "200E | a bidirectional control character",
            "200F | a bidirectional control character",
            "2028 | a line or paragraph separator",
            "2029 | a line or paragraph separator",
            "202A | a bidirectional control character",
            "202E | a bidirectional control character",
            "2060 | an invisible format character",
            "2066 | a bidirectional control character",
            "2069 | a bidirectional control character",
            "FEFF | an invisible format character",
            "D800 | a lone surrogate",
            "DC00 | a lone surrogate",
    })
    void refusesAndSaysWhichCharacterWhere(String hex, String kind) {
        String value = "ab" + (char) Integer.parseInt(hex, 16) + "cd";

        Set<ConstraintViolation<Team>> violations = validator.validate(Team.named(value));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString("name");
            assertThat(violation.getMessage()).isEqualTo("must be plain text, but has " + kind + " U+" + hex + " at position 3");
        });
    }

    @Test
    void positionsCountCodePoints() {
        // 🐙 is two UTF-16 units but one character; the tag character U+E0041 (invisible "A") is supplementary too
        Set<ConstraintViolation<Team>> violations = validator.validate(Team.named("🐙🐙x" + Character.toString(0xE0041)));

        assertThat(violations).singleElement().extracting(ConstraintViolation::getMessage)
                .isEqualTo("must be plain text, but has an invisible format character U+E0041 at position 4");
    }

    @Test
    void newlinesOnlyWhereAllowed() {
        Team multiLine = new Team("ops", "first line\r\n\tsecond line", Map.of(), List.of());
        assertThat(validator.validate(multiLine)).isEmpty();

        Team spoofed = new Team("ops", "fine\nthen \u202Eevil", Map.of(), List.of());
        assertThat(validator.validate(spoofed)).singleElement().extracting(ConstraintViolation::getMessage)
                .isEqualTo("must be plain text, but has a bidirectional control character U+202E at position 11");
    }

    @Test
    void worksOnKeysValuesAndElements() {
        Team labelled = new Team("ops", null, Map.of("re\u200Bgion", "eu", "zone", "pci\u0000"), List.of("ok", "x\u2066"));

        assertThat(validator.validate(labelled)).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("labels<K>[re\u200Bgion].<map key>", "labels[zone].<map value>", "aliases[1].<list element>");
    }

    @Test
    void theValueNeverReachesTheMessageInterpolator() {
        Set<ConstraintViolation<Team>> violations = validator.validate(Team.named("${1+1}{position}\u0007"));

        assertThat(violations).singleElement().extracting(ConstraintViolation::getMessage)
                .isEqualTo("must be plain text, but has a control character U+0007 at position 17");
    }
}
