package io.octopuses.promotion.record;

import java.util.HashMap;
import java.util.Map;

/**
 * What a promotion bundle says about its promotion, as attributes of its signed manifest: enough for the target
 * instance to record it and start the import before it opens the release content.
 */
public record PromotionTicket(String promotionId, String bundleId, String sourceInstanceId, String sourceInstanceName,
                              String requestedBy, String sourceServer, String space, String project, String version,
                              String targetServer, String environment) {

    public static final String ATTR_PROMOTION_ID = "promotionId";
    public static final String ATTR_REQUESTED_BY = "requestedBy";
    public static final String ATTR_SPACE = "space";
    public static final String ATTR_PROJECT = "project";
    public static final String ATTR_VERSION = "version";
    public static final String ATTR_TARGET_SERVER = "targetServer";
    public static final String ATTR_ENVIRONMENT = "environment";

    /** The manifest attributes that carry this ticket (the bundle's own id, instance and server are its fields). */
    public static Map<String, String> attributesOf(Promotion promotion) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(ATTR_PROMOTION_ID, promotion.id());
        attributes.put(ATTR_REQUESTED_BY, promotion.requestedBy());
        attributes.put(ATTR_SPACE, promotion.spaceName());
        attributes.put(ATTR_PROJECT, promotion.project());
        attributes.put(ATTR_VERSION, promotion.releaseVersion());
        attributes.put(ATTR_TARGET_SERVER, promotion.targetServer());
        attributes.put(ATTR_ENVIRONMENT, promotion.targetEnvironment());
        return attributes;
    }

    /** Reads a ticket from a received bundle's attributes; a missing attribute is a malformed promotion bundle. */
    public static PromotionTicket of(String bundleId, String sourceInstanceId, String sourceInstanceName,
                                     String sourceServer, Map<String, String> attributes) {
        return new PromotionTicket(required(attributes, ATTR_PROMOTION_ID), bundleId, sourceInstanceId,
                sourceInstanceName, required(attributes, ATTR_REQUESTED_BY), sourceServer,
                attributes.getOrDefault(ATTR_SPACE, PromotionRequest.DEFAULT_SPACE), required(attributes, ATTR_PROJECT),
                required(attributes, ATTR_VERSION), required(attributes, ATTR_TARGET_SERVER),
                required(attributes, ATTR_ENVIRONMENT));
    }

    private static String required(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null || value.isBlank()) {
            throw PromotionProblems.malformedBundle(bundleName(attributes), "its manifest lacks the attribute '" + name + "'");
        }
        return value;
    }

    private static String bundleName(Map<String, String> attributes) {
        return attributes.getOrDefault(ATTR_PROMOTION_ID, "?");
    }
}
