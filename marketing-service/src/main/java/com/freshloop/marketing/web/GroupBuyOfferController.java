package com.freshloop.marketing.web;

import com.freshloop.marketing.groupbuy.GroupBuyOffer;
import com.freshloop.marketing.groupbuy.GroupBuys;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/admin/v1/marketing/group-buys")
@Tag(name = "group-buy offers (operators)")
class GroupBuyOfferController {

    private final GroupBuys groupBuys;

    GroupBuyOfferController(GroupBuys groupBuys) {
        this.groupBuys = groupBuys;
    }

    @PostMapping
    @Operation(
            summary = "Create a group-buy offer: a team of teamSize within windowHours; the leader's coupon (audited)")
    @ApiResponse(responseCode = "201", description = "created; Location names the offer")
    @ApiResponse(responseCode = "400", description = "a field is missing or out of range")
    @ApiResponse(responseCode = "422", description = "the leader template does not exist")
    ResponseEntity<GroupBuyOffer> create(@Valid @RequestBody CreateGroupBuyOfferRequest request) {
        GroupBuyOffer offer = groupBuys.createOffer(request.toCommand(), CurrentUser.name());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(offer.id())
                .toUri();
        return ResponseEntity.created(location).body(offer);
    }

    @GetMapping
    @Operation(summary = "All group-buy offers, newest first")
    List<GroupBuyOffer> list() {
        return groupBuys.offers();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One group-buy offer")
    @ApiResponse(responseCode = "404", description = "no such offer")
    GroupBuyOffer get(@PathVariable UUID id) {
        return groupBuys.offer(id);
    }
}
