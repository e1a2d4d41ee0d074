package io.octopuses.bundle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.octopuses.security.LargeRequestBody;

/** The bundle upload route takes bodies up to {@code octopuses.bundles.max-bundle-size}, streamed to disk. */
@Configuration
class BundleConfiguration {

    @Bean
    LargeRequestBody bundleUploadBody(BundleProperties properties) {
        return new LargeRequestBody("POST", "/api/v1/bundles", properties.maxBundleSize().toBytes(), "bundle-too-large",
                "octopuses.bundles.max-bundle-size");
    }
}
