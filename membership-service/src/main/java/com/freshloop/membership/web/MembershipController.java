package com.freshloop.membership.web;

import com.freshloop.membership.member.Benefits;
import com.freshloop.membership.member.LedgerEntry;
import com.freshloop.membership.member.Member;
import com.freshloop.membership.member.Memberships;
import com.freshloop.membership.member.PaidMembership;
import com.freshloop.membership.member.Posting;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "membership")
class MembershipController {

    static final String USER_ID = "[A-Za-z0-9_.:-]{1,64}";
    static final String REQUEST_ID = "[A-Za-z0-9_.:-]{1,64}";

    private final Memberships memberships;

    MembershipController(Memberships memberships) {
        this.memberships = memberships;
    }

    /** Points an operator grants; {@code requestId} makes a retried grant count once. */
    record CreditRequest(
            @NotNull @Min(1) @Max(100_000) Long points,
            @NotBlank @Size(max = 64) String reason,
            @NotNull @Pattern(regexp = REQUEST_ID) String requestId) {}

    /** Points a shopper spends; {@code requestId} makes a retried spend count once. */
    record SpendRequest(
            @NotNull @Min(1) @Max(1_000_000) Long points,
            @NotNull @Pattern(regexp = REQUEST_ID) String requestId) {}

    @GetMapping("/api/v1/membership/me")
    @Operation(summary = "The caller's tier, growth value and points balance")
    Member me() {
        return memberships.member(CurrentUser.id());
    }

    @GetMapping("/api/v1/membership/me/points")
    @Operation(summary = "The caller's latest points ledger entries, newest first")
    List<LedgerEntry> myLedger(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return memberships.ledger(CurrentUser.id(), limit);
    }

    @PostMapping("/api/v1/membership/me/points/spend")
    @Operation(summary = "Spend some of the caller's points")
    @ApiResponse(responseCode = "201", description = "Spent; the ledger entry with the balance left")
    @ApiResponse(responseCode = "200", description = "A repeated request id: the earlier spend, not spent again")
    @ApiResponse(responseCode = "400", description = "Bad points or requestId")
    @ApiResponse(
            responseCode = "409",
            description = "The balance is too low, or the request id was used for another amount")
    ResponseEntity<LedgerEntry> spend(@RequestBody @Valid SpendRequest request) {
        return respond(memberships.spend(CurrentUser.id(), request.points(), request.requestId()));
    }

    /** A shopper's purchase of a paid membership, recorded once per payment. */
    record PaidPurchase(
            @NotNull @Min(1) @Max(12) Integer months,
            @NotNull @Pattern(regexp = REQUEST_ID) String paymentId) {}

    /** An operator's grant of a paid membership; {@code requestId} makes a retried grant count once. */
    record PaidGrant(
            @NotNull @Min(1) @Max(36) Integer months,
            @NotNull @Pattern(regexp = REQUEST_ID) String requestId) {}

    @GetMapping("/api/v1/membership/me/benefits")
    @Operation(summary = "What the caller's tier or paid membership gives right now")
    Benefits myBenefits() {
        return memberships.benefits(CurrentUser.id());
    }

    @PostMapping("/api/v1/membership/me/paid-membership")
    @Operation(
            summary = "Record the caller's purchase of a paid membership",
            description = "Payment happens at checkout; this records the period bought, once per paymentId, and"
                    + " extends a running period.")
    @ApiResponse(responseCode = "201", description = "Recorded; the new end of the paid period")
    @ApiResponse(responseCode = "200", description = "A repeated paymentId: the earlier record")
    @ApiResponse(responseCode = "409", description = "The paymentId was used for another period")
    ResponseEntity<PaidMembership> buyPaid(@RequestBody @Valid PaidPurchase request) {
        return respond(
                memberships.grantPaid(CurrentUser.id(), request.months(), "purchase", request.paymentId(), null));
    }

    @GetMapping("/admin/v1/membership/users/{userId}/benefits")
    @Operation(summary = "Any user's benefits, for operators and services (checkout, marketing)")
    Benefits benefits(@PathVariable @Pattern(regexp = USER_ID) String userId) {
        return memberships.benefits(userId);
    }

    @PostMapping("/admin/v1/membership/users/{userId}/paid-membership")
    @Operation(summary = "Grant a paid membership (operators only, audited)")
    @ApiResponse(responseCode = "201", description = "Granted; the new end of the paid period")
    @ApiResponse(responseCode = "200", description = "A repeated requestId: the earlier grant")
    @ApiResponse(responseCode = "409", description = "The requestId was used for another period")
    ResponseEntity<PaidMembership> grantPaid(
            @PathVariable @Pattern(regexp = USER_ID) String userId, @RequestBody @Valid PaidGrant request) {
        return respond(
                memberships.grantPaid(userId, request.months(), "grant", request.requestId(), CurrentUser.name()));
    }

    @GetMapping("/admin/v1/membership/users/{userId}")
    @Operation(summary = "Any user's membership (operators only)")
    Member user(@PathVariable @Pattern(regexp = USER_ID) String userId) {
        return memberships.member(userId);
    }

    @PostMapping("/admin/v1/membership/users/{userId}/points")
    @Operation(summary = "Grant points to a user (operators only, audited)")
    @ApiResponse(responseCode = "201", description = "Granted; the ledger entry with the new balance")
    @ApiResponse(responseCode = "200", description = "A repeated request id: the earlier grant, not granted again")
    @ApiResponse(responseCode = "400", description = "Bad user id, points, reason or requestId")
    @ApiResponse(responseCode = "409", description = "The request id was used for another amount")
    ResponseEntity<LedgerEntry> credit(
            @PathVariable @Pattern(regexp = USER_ID) String userId, @RequestBody @Valid CreditRequest request) {
        return respond(memberships.credit(
                userId, request.points(), request.reason().strip(), request.requestId(), CurrentUser.name()));
    }

    private static ResponseEntity<PaidMembership> respond(PaidMembership paid) {
        return ResponseEntity.status(paid.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(paid);
    }

    private static ResponseEntity<LedgerEntry> respond(Posting posting) {
        return ResponseEntity.status(posting.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(posting.entry());
    }
}
