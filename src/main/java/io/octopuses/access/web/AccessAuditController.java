package io.octopuses.access.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.audit.AccessAuditEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The access audit, newest first: filtered by server or by subject (a team, {@code access-request:<id>}). */
@RestController
@RequestMapping("/api/v1/access/audit")
@Tag(name = "Access")
class AccessAuditController {

    private final AccessAudit audit;

    AccessAuditController(AccessAudit audit) {
        this.audit = audit;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Audit lines since a time (default: all), newest first, at most limit (default 200, at most 1000)")
    List<Line> lines(@RequestParam(required = false) Instant since, @RequestParam(required = false) String server,
                     @RequestParam(required = false) String subject,
                     @RequestParam(defaultValue = "200") int limit) {
        Instant from = since == null ? Instant.EPOCH : since;
        List<AccessAuditEntry> entries = server != null ? audit.forServer(server, from, limit)
                : subject != null ? audit.forSubject(subject, from, limit)
                : audit.since(from, limit);
        return entries.stream().map(Line::of).toList();
    }

    record Line(long id, Instant at, String actor, String action, String server, String subject, String detail) {

        static Line of(AccessAuditEntry entry) {
            return new Line(entry.id(), entry.at(), entry.actor(), entry.action(), entry.serverSlug(),
                    entry.subject(), entry.detail());
        }
    }
}
