package io.octopuses.validation;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;

/**
 * YAML bodies ({@code application/yaml}, e.g. the access desired state kept in git) are read as strictly as JSON:
 * the converter's mapper comes from Spring Boot's builder, so {@link StrictJson} and {@code spring.jackson.*} apply.
 * With jackson-dataformat-yaml on the class path Spring MVC would otherwise add a lenient YAML converter of its own;
 * a bean of the same class replaces it.
 */
@Configuration
class StrictYaml {

    @Bean
    MappingJackson2YamlHttpMessageConverter strictYamlConverter(Jackson2ObjectMapperBuilder builder) {
        return new MappingJackson2YamlHttpMessageConverter(builder.factory(new YAMLFactory()).build());
    }
}
