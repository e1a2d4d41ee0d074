package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/tasks/{id}/details}: the task, its progress and the activity log tree.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskDetailsResource(
        String id,
        TaskResource task,
        TaskProgress progress,
        Long physicalLogSize,
        List<ActivityLogTreeNode> activityLogs,
        Map<String, String> links) {
}
