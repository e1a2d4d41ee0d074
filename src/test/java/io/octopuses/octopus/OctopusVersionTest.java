package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OctopusVersionTest {

    @Test
    void ordersNumerically() {
        assertThat(OctopusVersion.parse("2026.1.9674").isOlderThan(OctopusVersion.parse("2026.10.1"))).isTrue();
        assertThat(OctopusVersion.parse("2022.3.5512").isOlderThan(OctopusVersion.parse("2022.3.5512"))).isFalse();
        assertThat(OctopusVersion.parse("3.17.0").isOlderThan(OctopusVersion.parse("2019.1.0"))).isTrue();
        assertThat(OctopusVersion.parse("2025.4.9600").isOlderThan(OctopusVersion.parse("2026.1.9674"))).isTrue();
    }

    @Test
    void ignoresPreReleaseSuffixesAndTrailingZeros() {
        assertThat(OctopusVersion.parse("2020.5.0-rc.4")).isEqualTo(OctopusVersion.parse("2020.5"));
        assertThat(OctopusVersion.parse("2020.5.0").hashCode()).isEqualTo(OctopusVersion.parse("2020.5").hashCode());
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertThatThrownBy(() -> OctopusVersion.parse("latest")).hasMessageContaining("not an Octopus version");
    }
}
