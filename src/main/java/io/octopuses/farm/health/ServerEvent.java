package io.octopuses.farm.health;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something worth telling a person about a server: it went offline, came back, or changed version. */
@Entity
@Table(name = "server_event")
public class ServerEvent {

    public enum Type { WENT_OFFLINE, CAME_BACK_ONLINE, VERSION_CHANGED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String serverSlug;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private Type type;
    private String detail;

    protected ServerEvent() {
    }

    ServerEvent(String serverSlug, Instant occurredAt, Type type, String detail) {
        this.serverSlug = serverSlug;
        this.occurredAt = occurredAt;
        this.type = type;
        this.detail = detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    public String serverSlug() {
        return serverSlug;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Type type() {
        return type;
    }

    public String detail() {
        return detail;
    }
}
