package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A node of a task's activity log: {@code Status} is Pending, Running, Success, Failed, Skipped, SuccessWithWarning or Canceled.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityLogTreeNode(
        String id,
        String name,
        OffsetDateTime started,
        OffsetDateTime ended,
        String status,
        Boolean showAtSummaryLevel,
        Integer progressPercentage,
        String progressMessage,
        List<ActivityLogEntry> logElements,
        List<ActivityLogTreeNode> children) {
}
