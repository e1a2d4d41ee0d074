package io.octopuses.promotion.record;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a promotion's timeline: requested, approved by, sealed, delivered, imported, deployed, ... */
@Entity
@Table(name = "promotion_event")
public class PromotionEvent {

    /** Which instance's part of the promotion the line belongs to. */
    public enum Side { SOURCE, TARGET }

    /** The kinds of an approver's decision. */
    public static final String APPROVED_BY = "APPROVED_BY";
    public static final String REJECTED_BY = "REJECTED_BY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String promotionId;
    private String side;
    private Instant occurredAt;
    private String kind;
    private String actor;
    private String detail;

    protected PromotionEvent() {
    }

    PromotionEvent(String promotionId, Side side, Instant occurredAt, String kind, String actor, String detail) {
        this.promotionId = promotionId;
        this.side = side.name();
        this.occurredAt = occurredAt;
        this.kind = Shorten.to(kind, 40);
        this.actor = Shorten.to(actor, 200);
        this.detail = Shorten.to(detail, 2000);
    }

    public String side() {
        return side;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }
}
