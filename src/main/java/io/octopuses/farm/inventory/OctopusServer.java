package io.octopuses.farm.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.octopuses.farm.Reachability;

/** One registered Octopus Deploy server. The API key is only ever held encrypted here. */
@Entity
@Table(name = "octopus_server")
public class OctopusServer {

    @Id
    private String slug;
    private String name;
    private String baseUrl;
    @Column(name = "api_key_encrypted")
    private String apiKeyEncrypted;
    private String zone;
    @Enumerated(EnumType.STRING)
    private Reachability reachability;
    private int upgradeRing;
    private String pinnedVersion;
    private String owningTeam;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "octopus_server_label", joinColumns = @JoinColumn(name = "server_slug"))
    @MapKeyColumn(name = "label_key")
    @Column(name = "label_value")
    private Map<String, String> labels = new TreeMap<>();
    private Instant createdAt;
    private Instant updatedAt;
    /** Null until first stored: that is how Spring Data tells a new server (persist) from a known one. */
    @Version
    @Column(name = "row_version")
    private Long rowVersion;

    protected OctopusServer() {
    }

    OctopusServer(String slug, Instant now) {
        this.slug = slug;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(ServerDescription description, Instant now) {
        this.name = description.name();
        this.baseUrl = description.baseUrl();
        this.zone = description.zone();
        this.reachability = description.reachability();
        this.upgradeRing = description.upgradeRing();
        this.pinnedVersion = description.pinnedVersion();
        this.owningTeam = description.owningTeam();
        this.labels.clear();
        this.labels.putAll(description.labels());
        this.updatedAt = now;
    }

    void storeApiKey(String encrypted) {
        this.apiKeyEncrypted = encrypted;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    String apiKeyEncrypted() {
        return apiKeyEncrypted;
    }

    public boolean hasApiKey() {
        return apiKeyEncrypted != null;
    }

    public String zone() {
        return zone;
    }

    public Reachability reachability() {
        return reachability;
    }

    /** The one rule for "does this instance call (and poll) this server": it is CONNECTED. */
    public boolean isPolled() {
        return reachability.isCalled();
    }

    public int upgradeRing() {
        return upgradeRing;
    }

    public String pinnedVersion() {
        return pinnedVersion;
    }

    public String owningTeam() {
        return owningTeam;
    }

    public Map<String, String> labels() {
        return Map.copyOf(labels);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Changes with every stored change: what a cached client or a reader's copy is checked against. */
    public long rowVersion() {
        return rowVersion == null ? -1 : rowVersion;
    }

    @Override
    public String toString() {
        return "OctopusServer[" + slug + " " + baseUrl + " " + reachability + "]";
    }
}
