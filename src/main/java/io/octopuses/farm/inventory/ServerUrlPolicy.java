package io.octopuses.farm.inventory;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The one check of a server address: well-formed ({@link ServerUrl}) and, when {@code octopuses.farm.allowed-urls}
 * lists patterns, matching one of them, so registration cannot be used to make this instance call arbitrary hosts.
 * In a pattern {@code *} stands for any characters but '/', {@code **} for any characters; a pattern matches the
 * whole normalised address, e.g. {@code https://*.corp.example.com} or {@code https://octopus.example.com/**}.
 */
@Component
class ServerUrlPolicy {

    private final List<Pattern> allowed;

    ServerUrlPolicy(FarmProperties properties) {
        this.allowed = properties.allowedUrls().stream().map(ServerUrlPolicy::compile).toList();
    }

    /** The normalised address, or a problem saying why it cannot be used. */
    String check(String raw) {
        String url = ServerUrl.normalise(raw);
        if (!allowed.isEmpty() && allowed.stream().noneMatch(pattern -> pattern.matcher(url).matches())) {
            throw FarmProblems.urlNotAllowed(url);
        }
        return url;
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.trim().split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            String[] singles = parts[i].split("\\*", -1);
            for (int j = 0; j < singles.length; j++) {
                regex.append(Pattern.quote(singles[j]));
                if (j < singles.length - 1) {
                    regex.append("[^/]*");
                }
            }
            if (i < parts.length - 1) {
                regex.append(".*");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
