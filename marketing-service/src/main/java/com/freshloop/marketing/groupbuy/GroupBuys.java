package com.freshloop.marketing.groupbuy;

import com.freshloop.marketing.audit.AuditLog;
import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.marketing.coupons.IssuedCoupon;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group-buy offers and their teams. Every change to a team locks its row first, so joins are serialised per
 * team: the member count never passes the size (a check constraint backs that up), the one join that fills
 * the team completes it and issues the leader's coupon (idempotent by a request id derived from the team),
 * and later joins get 409. {@code group_buy_member} is unique per offer and user, so nobody is in two teams
 * of one offer; an expired team's members are deleted, which releases them.
 */
@Service
public class GroupBuys {

    private static final Logger log = LoggerFactory.getLogger(GroupBuys.class);
    private static final String TEAM_COLUMNS = """
            id, offer_id, leader_id, status, members, team_size, opened_at, expires_at, closed_at, leader_coupon_id""";

    private final JdbcClient jdbc;
    private final Coupons coupons;
    private final AuditLog audit;
    private final Clock clock;

    GroupBuys(JdbcClient jdbc, Coupons coupons, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.coupons = coupons;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public GroupBuyOffer createOffer(NewGroupBuyOffer request, String actor) {
        try {
            coupons.template(request.leaderTemplateId());
        } catch (NotFoundException unknown) {
            throw new UnprocessableException(
                    "leaderTemplateId: there is no coupon template " + request.leaderTemplateId());
        }
        GroupBuyOffer offer = new GroupBuyOffer(
                UUID.randomUUID(),
                request.name(),
                request.teamSize(),
                request.windowHours(),
                request.leaderTemplateId(),
                actor,
                now());
        jdbc.sql("""
                        insert into group_buy_offer (id, name, team_size, window_hours, leader_template_id,
                                                     created_by, created_at)
                        values (:id, :name, :size, :hours, :template, :by, :at)
                        """)
                .param("id", offer.id())
                .param("name", offer.name())
                .param("size", offer.teamSize())
                .param("hours", offer.windowHours())
                .param("template", offer.leaderTemplateId())
                .param("by", actor)
                .param("at", Timestamp.from(offer.createdAt()))
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", offer.name());
        detail.put("teamSize", offer.teamSize());
        detail.put("windowHours", offer.windowHours());
        detail.put("leaderTemplateId", offer.leaderTemplateId());
        audit.record(actor, "group_buy_offer.create", "group_buy_offer:" + offer.id(), detail);
        return offer;
    }

    @Transactional(readOnly = true)
    public List<GroupBuyOffer> offers() {
        return jdbc.sql("""
                        select id, name, team_size, window_hours, leader_template_id, created_by, created_at
                          from group_buy_offer order by created_at desc, id
                        """).query((rs, i) -> offer(rs)).list();
    }

    @Transactional(readOnly = true)
    public GroupBuyOffer offer(UUID id) {
        return jdbc.sql("""
                        select id, name, team_size, window_hours, leader_template_id, created_by, created_at
                          from group_buy_offer where id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> offer(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no group-buy offer " + id + "."));
    }

    /**
     * The leader opens a team. A leader with an open team of the offer gets that team again ({@code created}
     * false); someone already in a team of the offer (leading or joined, open or completed) gets 409.
     */
    @Transactional
    public TeamChange open(UUID offerId, String leaderId) {
        GroupBuyOffer offer = offer(offerId);
        Instant now = now();
        Optional<Team> open = openTeamOf(offerId, leaderId);
        if (open.isPresent() && open.get().expiresAt().isAfter(now)) {
            return new TeamChange(open.get(), false);
        }
        UUID id = UUID.randomUUID();
        boolean inserted = jdbc.sql("""
                                insert into group_buy_team (id, offer_id, leader_id, status, members, team_size,
                                                            opened_at, expires_at)
                                values (:id, :offer, :leader, 'open', 1, :size, :at, :expires)
                                on conflict (offer_id, leader_id) where status = 'open' do nothing
                                """)
                        .param("id", id)
                        .param("offer", offerId)
                        .param("leader", leaderId)
                        .param("size", offer.teamSize())
                        .param("at", Timestamp.from(now))
                        .param("expires", Timestamp.from(now.plus(Duration.ofHours(offer.windowHours()))))
                        .update()
                == 1;
        if (!inserted) {
            // A parallel open by the same leader, or an open team past its window the expiry job has not
            // released yet.
            Team other = openTeamOf(offerId, leaderId)
                    .orElseThrow(() -> new ConflictException("Your team of offer " + offerId + " changed; try again."));
            if (!other.expiresAt().isAfter(now)) {
                throw new ConflictException("Your last team of offer " + offerId + " has expired and is being"
                        + " released; try again in a minute.");
            }
            return new TeamChange(other, false);
        }
        if (!addMember(id, offerId, leaderId, "leader", now)) {
            throw new ConflictException("You are already in a team of group-buy offer " + offerId
                    + "; a shopper joins or leads one team per offer.");
        }
        return new TeamChange(team(id), true);
    }

    /**
     * The user joins the team. Joining again returns the team ({@code created} false); the leader, a full or
     * expired team, or a user already in another team of the offer get 409. The join that fills the team
     * completes it and issues the leader's coupon.
     */
    @Transactional
    public TeamChange join(UUID teamId, String userId) {
        Team team = jdbc.sql("select " + TEAM_COLUMNS + " from group_buy_team where id = :id for update")
                .param("id", teamId)
                .query((rs, i) -> team(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no group-buy team " + teamId + "."));
        if (team.leaderId().equals(userId)) {
            throw new ConflictException("You lead team " + teamId + "; a leader cannot join it as a member.");
        }
        if (isMember(teamId, userId)) {
            return new TeamChange(team, false);
        }
        Instant now = now();
        if (Team.COMPLETED.equals(team.status()) || team.members() >= team.teamSize()) {
            throw new ConflictException("Team " + teamId + " is full.");
        }
        if (Team.EXPIRED.equals(team.status()) || !team.expiresAt().isAfter(now)) {
            throw new ConflictException("Team " + teamId + " has expired.");
        }
        if (!addMember(teamId, team.offerId(), userId, "member", now)) {
            throw new ConflictException("You are already in another team of group-buy offer " + team.offerId()
                    + "; a shopper joins or leads one team per offer.");
        }
        int members = team.members() + 1;
        if (members < team.teamSize()) {
            jdbc.sql("update group_buy_team set members = :m where id = :id")
                    .param("m", members)
                    .param("id", teamId)
                    .update();
            return new TeamChange(team(teamId), true);
        }
        GroupBuyOffer offer = offer(team.offerId());
        IssuedCoupon reward =
                coupons.issue(offer.leaderTemplateId(), team.leaderId(), "group-buy:" + teamId, "group-buy:" + teamId);
        jdbc.sql("""
                        update group_buy_team set members = :m, status = 'completed', closed_at = :at,
                                                  leader_coupon_id = :coupon
                         where id = :id
                        """)
                .param("m", members)
                .param("at", Timestamp.from(now))
                .param("coupon", reward.coupon().id())
                .param("id", teamId)
                .update();
        return new TeamChange(team(teamId), true);
    }

    @Transactional(readOnly = true)
    public Team team(UUID id) {
        return jdbc.sql("select " + TEAM_COLUMNS + " from group_buy_team where id = :id")
                .param("id", id)
                .query((rs, i) -> team(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no group-buy team " + id + "."));
    }

    /** The teams the user leads or is in (expired teams no longer list their released members). */
    @Transactional(readOnly = true)
    public List<Team> teamsOf(String userId) {
        return jdbc.sql("""
                        select %s from group_buy_team
                         where leader_id = :u
                            or id in (select team_id from group_buy_member where user_id = :u)
                         order by opened_at desc, id
                        """.formatted(TEAM_COLUMNS))
                .param("u", userId)
                .query((rs, i) -> team(rs))
                .list();
    }

    /** Expires the open teams past their window and releases their members; returns how many expired. */
    @Scheduled(fixedDelayString = "${freshloop.marketing.group-buy.expiry-scan-interval:PT1M}")
    @Transactional
    public int expireDue() {
        Instant now = now();
        List<UUID> expired = jdbc.sql("""
                        update group_buy_team set status = 'expired', closed_at = :now
                         where status = 'open' and expires_at <= :now
                        returning id
                        """)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .list();
        if (!expired.isEmpty()) {
            jdbc.sql("delete from group_buy_member where team_id in (:ids)")
                    .param("ids", expired)
                    .update();
            log.info("{} group-buy team(s) expired; their members were released", expired.size());
        }
        return expired.size();
    }

    private Optional<Team> openTeamOf(UUID offerId, String leaderId) {
        return jdbc.sql("select " + TEAM_COLUMNS
                        + " from group_buy_team where offer_id = :o and leader_id = :l and status = 'open'")
                .param("o", offerId)
                .param("l", leaderId)
                .query((rs, i) -> team(rs))
                .optional();
    }

    private boolean isMember(UUID teamId, String userId) {
        return jdbc.sql("select count(*) from group_buy_member where team_id = :t and user_id = :u")
                        .param("t", teamId)
                        .param("u", userId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** False when the user is already in a team of the offer. */
    private boolean addMember(UUID teamId, UUID offerId, String userId, String role, Instant at) {
        return jdbc.sql("""
                                insert into group_buy_member (team_id, offer_id, user_id, role, joined_at)
                                values (:t, :o, :u, :role, :at)
                                on conflict do nothing
                                """)
                        .param("t", teamId)
                        .param("o", offerId)
                        .param("u", userId)
                        .param("role", role)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private static GroupBuyOffer offer(ResultSet rs) throws SQLException {
        return new GroupBuyOffer(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("team_size"),
                rs.getInt("window_hours"),
                rs.getObject("leader_template_id", UUID.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Team team(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Team(
                rs.getObject("id", UUID.class),
                rs.getObject("offer_id", UUID.class),
                rs.getString("leader_id"),
                rs.getString("status"),
                rs.getInt("members"),
                rs.getInt("team_size"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getObject("leader_coupon_id", UUID.class));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
