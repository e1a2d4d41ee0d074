package io.octopuses.promotion.record;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.promotion.record.PromotionEvent.Side;

/**
 * The source side's promotions: accepting a request (idempotent per requester and key), and every change the
 * process makes to the record, each with a line on the timeline.
 */
@Service
public class Promotions {

    private static final Logger log = LoggerFactory.getLogger(Promotions.class);

    /** A stored promotion and whether this call created it (false: an idempotent repeat). */
    public record Accepted(Promotion promotion, boolean created) {
    }

    private final PromotionRepository promotions;
    private final PromotionTimeline timeline;
    private final FarmServers farm;
    private final PromotionLauncher launcher;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Promotions(PromotionRepository promotions, PromotionTimeline timeline, FarmServers farm, PromotionLauncher launcher,
               PlatformTransactionManager transactionManager, ApplicationEventPublisher events, Clock clock) {
        this.promotions = promotions;
        this.timeline = timeline;
        this.farm = farm;
        this.launcher = launcher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the promotion and starts its process, or returns the one this requester already made with this
     * idempotency key (a retry of the same call). A key reused for a different promotion is a conflict.
     */
    public Accepted request(PromotionRequest request, String requester, String idempotencyKey) {
        Optional<Accepted> earlier = earlier(request, requester, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (request.sourceServer().equals(request.targetServer())) {
            throw PromotionProblems.sameServer(request.sourceServer());
        }
        FarmServer source = farm.get(request.sourceServer());
        if (!source.isConnected()) {
            throw PromotionProblems.sourceNotConnected(source.slug());
        }
        FarmServer target = farm.get(request.targetServer());
        Transport transport = target.isConnected() ? Transport.IN_PROCESS : Transport.OUTBOX;
        try {
            Promotion created = transactions.execute(status -> {
                Promotion promotion = promotions.saveAndFlush(new Promotion(request, requester, idempotencyKey,
                        target.zone(), transport, clock.instant()));
                timeline.record(promotion.id(), Side.SOURCE, "REQUESTED", requester,
                        "Promote " + promotion.project() + " " + promotion.releaseVersion() + " from "
                                + promotion.sourceServer() + " to " + promotion.targetEnvironment() + " on "
                                + promotion.targetServer() + " (" + transport + ")");
                launcher.launch(promotion);
                return promotion;
            });
            log.info("Promotion {} requested by {}: {} {} from {} to {}/{}", created.id(), requester,
                    created.project(), created.releaseVersion(), created.sourceServer(), created.targetServer(),
                    created.targetEnvironment());
            return new Accepted(created, true);
        } catch (DataIntegrityViolationException raced) {
            return earlier(request, requester, idempotencyKey).orElseThrow(() -> raced);
        }
    }

    private Optional<Accepted> earlier(PromotionRequest request, String requester, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return promotions.findByRequestedByAndIdempotencyKey(requester, idempotencyKey).map(existing -> {
            if (!existing.sameAs(request)) {
                throw PromotionProblems.idempotencyKeyReused(idempotencyKey, existing.id());
            }
            return new Accepted(existing, false);
        });
    }

    @Transactional(readOnly = true)
    public Promotion get(String id) {
        return promotions.findById(id).orElseThrow(() -> PromotionProblems.notFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Promotion> find(String id) {
        return promotions.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Promotion> latest(int limit) {
        return promotions.findAllByOrderByCreatedAtDesc(PageRequest.of(0, limit));
    }

    /** Moves the promotion to {@code state} unless it already ended; a line on the timeline either way. */
    @Transactional
    public Promotion moveTo(String id, PromotionState state, String actor, String why) {
        Promotion promotion = get(id);
        if (!promotion.state().isFinal()) {
            promotion.moveTo(state, why, clock.instant());
            if (state.isFinal()) {
                events.publishEvent(new PromotionEnded(id, state));
            }
        }
        timeline.record(id, Side.SOURCE, state.name(), actor, why);
        return promotion;
    }

    @Transactional
    public void sealed(String id, String bundleId) {
        get(id).sealedAs(bundleId, clock.instant());
        timeline.record(id, Side.SOURCE, "SEALED", null, "Bundle " + bundleId + " signed by this instance");
    }

    /**
     * Stores the results of the remote side, once: true if they were new, false if the promotion had them already
     * or ended meanwhile (results arriving twice or late are kept on the timeline, never applied twice).
     */
    @Transactional
    public boolean recordResults(PromotionResults results, String via) {
        Promotion promotion = get(results.promotionId());
        if (promotion.state() != PromotionState.AWAITING_RESULTS || promotion.remoteState() != null) {
            timeline.record(promotion.id(), Side.SOURCE, "RESULTS_IGNORED", null, "Results " + results.state()
                    + " arrived " + via + " while the promotion was " + promotion.state() + "; kept on the timeline only");
            return false;
        }
        promotion.recordResults(results, clock.instant());
        timeline.record(promotion.id(), Side.SOURCE, "RESULTS_RECEIVED", null, "Remote deployment " + results.state()
                + (results.detail() == null ? "" : ": " + results.detail()) + " (" + via + ")");
        return true;
    }

    @Transactional
    public void attached(String id, String artifactId, String where) {
        get(id).attachedAs(artifactId, clock.instant());
        timeline.record(id, Side.SOURCE, "LOG_ATTACHED", null, "Remote task log attached as artifact " + artifactId
                + " to " + where);
    }

    /**
     * Records an approver's decision on the timeline (the evidence that travels in the bundle) and returns how many
     * different people have approved so far. The database, not the task's variables, is what counts.
     */
    @Transactional
    public int decided(String id, String user, String decision, String comment) {
        timeline.record(id, Side.SOURCE, PromotionTimeline.kindOf(decision), user, comment);
        return timeline.approvers(id, Side.SOURCE);
    }

    /** The source side's approvals and rejections, in order. */
    @Transactional(readOnly = true)
    public List<PromotionEvent> decisions(String id) {
        return timeline.decisions(id, Side.SOURCE);
    }

    /** A line of the target side's timeline, as its results bundle carried it (air-gapped promotions). */
    @Transactional
    public void remoteNote(String id, String at, String kind, String actor, String detail) {
        timeline.recordAt(id, Side.TARGET, at == null ? clock.instant() : Instant.parse(at), kind, actor, detail);
    }

    /** A line on the timeline that changes nothing else. */
    @Transactional
    public void note(String id, String kind, String actor, String detail) {
        timeline.record(id, Side.SOURCE, kind, actor, detail);
    }

    @Transactional(readOnly = true)
    public List<PromotionEvent> timeline(String id) {
        return timeline.of(id);
    }
}
