package com.freshloop.marketing.web;

import com.freshloop.marketing.groupbuy.GroupBuys;
import com.freshloop.marketing.groupbuy.Team;
import com.freshloop.marketing.groupbuy.TeamChange;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "group-buy")
class MyGroupBuyController {

    private final GroupBuys groupBuys;

    MyGroupBuyController(GroupBuys groupBuys) {
        this.groupBuys = groupBuys;
    }

    /** The teams a shopper leads or is in. */
    record MyTeams(String userId, List<Team> teams) {}

    @PostMapping("/api/v1/marketing/me/group-buys/{offerId}/teams")
    @Operation(
            summary = "Open a team for a group-buy offer as its leader",
            description = "Idempotent: a leader with an open team of the offer gets that team with 200.")
    @ApiResponse(responseCode = "201", description = "opened")
    @ApiResponse(responseCode = "200", description = "the caller's open team of the offer")
    @ApiResponse(responseCode = "404", description = "no such offer")
    @ApiResponse(responseCode = "409", description = "the caller is already in a team of the offer")
    ResponseEntity<Team> open(@PathVariable UUID offerId) {
        return answer(groupBuys.open(offerId, CurrentUser.id()));
    }

    @PostMapping("/api/v1/marketing/me/group-buy-teams/{teamId}/members")
    @Operation(
            summary = "Join a group-buy team",
            description = "Idempotent: joining again returns the team with 200. The join that fills the team"
                    + " completes it and issues the leader's coupon.")
    @ApiResponse(responseCode = "201", description = "joined")
    @ApiResponse(responseCode = "200", description = "the caller was already in the team")
    @ApiResponse(responseCode = "404", description = "no such team")
    @ApiResponse(
            responseCode = "409",
            description = "the team is full or expired, the caller leads it, or is in another team of the offer")
    ResponseEntity<Team> join(@PathVariable UUID teamId) {
        return answer(groupBuys.join(teamId, CurrentUser.id()));
    }

    @GetMapping("/api/v1/marketing/me/group-buy-teams/{teamId}")
    @Operation(summary = "One group-buy team (e.g. from a share link): status, members so far, size and deadline")
    @ApiResponse(responseCode = "404", description = "no such team")
    Team team(@PathVariable UUID teamId) {
        return groupBuys.team(teamId);
    }

    @GetMapping("/api/v1/marketing/me/group-buy-teams")
    @Operation(summary = "The teams the caller leads or is in, newest first")
    MyTeams mine() {
        String userId = CurrentUser.id();
        return new MyTeams(userId, groupBuys.teamsOf(userId));
    }

    private static ResponseEntity<Team> answer(TeamChange change) {
        return ResponseEntity.status(change.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(change.team());
    }
}
