package com.freshloop.marketing.campaigns;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.marketing.v1.CampaignAssigned;
import com.freshloop.marketing.audience.Audience;
import com.freshloop.marketing.audit.AuditLog;
import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.marketing.winback.ControlGroup;
import com.freshloop.marketing.winback.Winback;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ApiException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaign CRUD (audited), audience preview, and runs that issue the coupons to the audience. */
@Service
public class Campaigns {

    private final CampaignRepository repository;
    private final Audience audience;
    private final Coupons coupons;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final EventOutbox outbox;
    private final Clock clock;

    Campaigns(
            CampaignRepository repository,
            Audience audience,
            Coupons coupons,
            AuditLog audit,
            TransactionTemplate transactions,
            EventOutbox outbox,
            Clock clock) {
        this.outbox = outbox;
        this.repository = repository;
        this.audience = audience;
        this.coupons = coupons;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(NewCampaign request, String actor) {
        requireKnownTemplates(request.templateIds());
        Instant now = now();
        Campaign campaign = new Campaign(
                UUID.randomUUID(),
                request.name(),
                request.audience(),
                List.copyOf(request.templateIds()),
                request.controlShare(),
                actor,
                now,
                now,
                null);
        repository.insert(campaign);
        audit.record(actor, "campaign.create", "campaign:" + campaign.id(), detail(request));
        return campaign;
    }

    @Transactional
    public Campaign update(UUID id, NewCampaign request, String actor) {
        requireKnownTemplates(request.templateIds());
        if (!repository.update(
                id, request.name(), request.audience(), request.templateIds(), request.controlShare(), now())) {
            throw notFound(id);
        }
        audit.record(actor, "campaign.update", "campaign:" + id, detail(request));
        return get(id);
    }

    @Transactional
    public void delete(UUID id, String actor) {
        if (!repository.delete(id)) {
            throw notFound(id);
        }
        audit.record(actor, "campaign.delete", "campaign:" + id, Map.of());
    }

    @Transactional(readOnly = true)
    public Campaign get(UUID id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return repository.all();
    }

    /** How many shoppers the campaign would reach now, and how many of them would be held out. */
    @Transactional(readOnly = true)
    public AudiencePreview preview(UUID id) {
        Campaign campaign = get(id);
        List<String> members = audience.members(campaign.audience());
        long control = members.stream()
                .filter(u -> ControlGroup.isControl(id.toString(), u, campaign.controlShare()))
                .count();
        return new AudiencePreview(id, members.size(), (int) control, members.size() - (int) control);
    }

    /**
     * Runs the campaign: each member not assigned before is assigned to control or treatment, and the
     * treated ones get the coupons (idempotent per user, campaign and template). One transaction per user,
     * so one refusal (stock, per-user limit) does not undo the others.
     */
    public CampaignRun run(UUID id, String actor) {
        Campaign campaign = get(id);
        List<String> members = audience.members(campaign.audience());
        int control = 0, treated = 0, already = 0, refused = 0;
        for (String user : members) {
            boolean isControl = ControlGroup.isControl(id.toString(), user, campaign.controlShare());
            try {
                Boolean assigned = transactions.execute(tx -> {
                    String arm = isControl ? Winback.CONTROL : Winback.TREATMENT;
                    if (!repository.assign(id.toString(), user, arm, now())) {
                        return false;
                    }
                    outbox.publish(EventEnvelope.of(
                            "marketing-service",
                            user,
                            now(),
                            new CampaignAssigned(id.toString(), arm, "campaign_run")));
                    if (!isControl) {
                        for (UUID template : campaign.templateIds()) {
                            coupons.issue(template, user, requestId(id, user, template), actor, id.toString());
                        }
                    }
                    return true;
                });
                if (!Boolean.TRUE.equals(assigned)) {
                    already++;
                } else if (isControl) {
                    control++;
                } else {
                    treated++;
                }
            } catch (ApiException e) {
                refused++;
            }
        }
        CampaignRun run = new CampaignRun(id, members.size(), control, treated, already, refused);
        transactions.executeWithoutResult(tx -> {
            repository.ran(id, now());
            audit.record(
                    actor,
                    "campaign.run",
                    "campaign:" + id,
                    Map.of(
                            "audience",
                            run.audience(),
                            "control",
                            run.control(),
                            "treated",
                            run.treated(),
                            "refused",
                            run.refused()));
        });
        return run;
    }

    private void requireKnownTemplates(List<UUID> templates) {
        if (repository.unknownTemplates(templates) > 0) {
            throw new UnprocessableException("templateIds: every coupon template must exist");
        }
    }

    private static String requestId(UUID campaign, String user, UUID template) {
        return UUID.nameUUIDFromBytes((campaign + "|" + user + "|" + template).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Map<String, Object> detail(NewCampaign request) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", request.name());
        detail.put("audience", request.audience());
        detail.put("templateIds", request.templateIds());
        detail.put("controlShare", request.controlShare());
        return detail;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no campaign " + id + ".");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
